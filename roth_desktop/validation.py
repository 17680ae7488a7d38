"""Rules for values people type, shared by every model and both front ends."""

from __future__ import annotations

from datetime import date, datetime

# ROTH plans can run to 18 and transitional support to 25; anyone older is a typo.
OLDEST_AGE = 25


def today() -> date:
    return date.today()


def parse_date(text: str) -> date:
    """Read a date typed as YYYY-MM-DD or DD/MM/YYYY; explain impossible ones plainly."""
    cleaned = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{cleaned}' is not a real date; use a date such as 31/01/2026.")


def parse_datetime(text: str) -> datetime:
    """Read a date and time typed as DD/MM/YYYY HH:MM (or ISO)."""
    cleaned = " ".join(text.split())
    for fmt in ("%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"):
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise ValueError(
        f"'{cleaned}' is not a real date and time; use a form such as 31/01/2026 14:30."
    )


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def age_on(date_of_birth: date, when: date) -> int:
    years = when.year - date_of_birth.year
    if (when.month, when.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def birthday_at(date_of_birth: date, age: int) -> date:
    """The day someone reaches ``age``, the same rule ``age_on`` counts by.

    Someone born on 29 February reaches each age on 1 March in a year with no
    29 February (so ``age_on`` is still one less on 28 February).
    """
    year = date_of_birth.year + age
    try:
        return date_of_birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 3, 1)


def nhs_number_problem(value: str) -> str | None:
    """NHS numbers are ten digits whose last is a modulus-11 check digit."""
    digits = value.replace(" ", "")
    if len(digits) != 10 or not (digits.isascii() and digits.isdigit()):
        return "An NHS number has 10 digits."
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        return "That NHS number is not valid; check the digits."
    return None


def date_of_birth_problem(value: date | None, on_record_since: date | None = None) -> str | None:
    """A date of birth must be in the past and plausible for a young person.

    Plausible means 25 or under on the day they first came onto the record
    (``on_record_since``, the earliest case opening), or today for someone new:
    a ten-year-old record of a now-adult is history, not a typo.
    """
    if value is None:
        return None
    if value > today():
        return "The date of birth cannot be in the future."
    if age_on(value, on_record_since or today()) > OLDEST_AGE:
        return f"That date of birth makes them over {OLDEST_AGE}; check the year."
    return None
