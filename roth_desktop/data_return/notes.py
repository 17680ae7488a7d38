"""The Notes sheet: what every figure means, so the return can be read without the app."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.data_return.age_bands import AgeBand
from roth_desktop.data_return.cin_factors import CinFactors
from roth_desktop.data_return.episodes import LATE_REASON
from roth_desktop.data_return.summary import ROTH_SHARE_FROM_AGE, Summary
from roth_desktop.timescales.policy import TimescalePolicy
from roth_desktop.validation import format_date


def _bands(bands: Sequence[AgeBand]) -> str:
    return ", ".join(
        f"{b.label} ({b.lowest}–{b.highest})" if b.highest is not None else f"{b.label}"
        for b in bands
    )


def policy_words(policy: TimescalePolicy) -> str:
    """Where the timescales came from, without the folder (which can name the user)."""
    if policy.source == "national defaults":
        return "the national defaults"
    return f"the local authority's policy file {Path(policy.source).name}"


def notes(
    summary: Summary,
    *,
    policy: TimescalePolicy,
    bands: Sequence[AgeBand],
    pack: ContentPack,
    cin: CinFactors,
    population_given: bool,
) -> list[tuple[str, str]]:
    days = policy.initial_conference_working_days
    calendar = policy.calendar
    closures = len(calendar.closures)
    ethnicity = ethnicity_codes()
    return [
        (
            "Date range",
            f"{format_date(summary.start)} to {format_date(summary.end)}, both days included.",
        ),
        (
            "Episode",
            "One case of one young person. An episode is in this return when it was open on "
            "any day of the range and, while open in the range, was on the ROTH or the "
            "traditional child protection pathway.",
        ),
        (
            "Pathway over time",
            "Rebuilt from the episode's recorded transfers: it starts on the pathway the first "
            "transfer left (or its current pathway if it never moved), and each transfer takes "
            "effect on its own date. 'At start' and 'at end' are the first and last days of "
            "the range on which the episode was open.",
        ),
        (
            "Young people on a ROTH plan",
            "Young people with an episode on the ROTH pathway on any day of the range. Each "
            "is counted once, however many episodes they had; age, gender and ethnicity come "
            "from their first ROTH episode, harm types and needs from all of them.",
        ),
        (
            "Traditional child protection episodes",
            "Episodes in the return that were never on the ROTH pathway during the range.",
        ),
        (
            "Episode history",
            "The Episodes sheet describes each episode up to the last day of the range: "
            "transfers, conferences held on or before that day, and what they recorded.",
        ),
        (
            "Age",
            "Whole years at the episode's initial conference, or its first conference if it "
            f"had no initial conference. Age bands: {_bands(bands)}. 'Not known' means no "
            "conference had been held by the end of the range, or no date of birth.",
        ),
        (
            "ROTH share",
            f"Episodes of young people aged {ROTH_SHARE_FROM_AGE} or over at conference: ROTH "
            "episodes as a percentage of ROTH plus traditional child protection episodes.",
        ),
        (
            "Harm types",
            f"Harm recorded at any of the episode's conferences, using the content pack "
            f"'{pack.id}' version {pack.version}. Restricted entries are counted: the return "
            "gives numbers only, never what was recorded.",
        ),
        (
            "Child protection category",
            "The category of the latest conference that recorded one, with whether it was "
            "marked outside the home.",
        ),
        (
            "Needs",
            "A need area counts when any of the episode's conferences recorded it as not met "
            "or partly met.",
        ),
        (
            "Timescale",
            f"Working days from the strategy discussion to the initial conference: the day "
            f"of the strategy discussion is day 0 and weekends, bank holidays of "
            f"{calendar.region.capitalize()} and {closures} local closure day(s) are not "
            f"counted. Within timescale means {days} working days or fewer. The limit and "
            f"the calendar are the timescales policy's ({policy_words(policy)}), the same "
            "ones the app counts every deadline on. The summary counts ROTH episodes whose "
            "initial conference was held in the range.",
        ),
        (
            LATE_REASON,
            f"For an initial conference held more than {days} working days after the "
            "strategy discussion: the latest reason recorded in the app for missing that "
            "deadline, whenever it was recorded. Blank when the conference was in time or "
            "no reason was recorded. The reason is free text as typed; names of the young "
            "person and their family that the app holds are shown as initials.",
        ),
        (
            "Transfers",
            "The summary counts transfers dated in the range, for every episode in the "
            "return. The Episodes sheet lists each episode's transfers up to the end of the "
            "range.",
        ),
        ("Small numbers", summary.suppressor.rule()),
        (
            "Totals and subtraction",
            "Totals are not hidden, so a hidden count can sometimes be worked out by "
            "subtracting the counts shown from a total. Check the tables before publishing "
            "them and hide further cells where that is possible.",
        ),
        (
            "Rates and rate ratios",
            (
                "Rate per 10,000 is the young people in a group divided by the group's "
                "population in the population file, times 10,000. The rate ratio divides a "
                "group's rate by the rate for everyone the file covers: the young people in "
                "groups it lists over its total population. A ratio of 2.00 means twice as "
                "often as the population as a whole. Ethnic group rates add up the codes the "
                "file gives for that group."
            )
            if population_given
            else "No population file was given, so no rates or rate ratios are shown.",
        ),
        (
            "Ethnicity codes",
            f"{ethnicity.name}, version {ethnicity.version}.",
        ),
        (
            "CIN census factors",
            f"{cin.codes.name}, version {cin.codes.version}. Each episode's harm types, "
            "flagged needs and child protection category are mapped to factor codes as "
            "set out in the code list file, which explains each choice. Check them before "
            "submitting.",
        ),
        (
            "Privacy",
            "No names are included: young people are shown by their local id, or by the "
            "app's record id where none is set, and names in a late reason by initials. "
            "The Episodes sheet and its CSV are record level and are not for publication; "
            "share the Summary.",
        ),
    ]
