"""The figures a pilot site used to keep by hand, worked out from the episodes.

Who is counted: a young person is "on a ROTH plan" when one of their episodes in
the return was on the ROTH pathway on any day of the range it was open. The
breakdowns (harm, age, gender, ethnicity, needs) count those young people once
each: their harm types and needs across all their ROTH episodes, and their age
from the first of them. The ROTH share and the timescales count episodes.

Disproportionality, when a population table is given: the rate per 10,000 is
the young people in a group over that group's population, times 10,000. The
rate ratio compares it with the rate for everyone the table covers (all young
people in groups the table lists, over the table's total population), so 1.00
means a group is on ROTH plans in proportion to its size, and 2.00 twice as often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from roth_desktop.code_lists import ethnicity_codes
from roth_desktop.conference.content_pack import ContentPack
from roth_desktop.data_return.age_bands import AgeBand
from roth_desktop.data_return.episodes import (
    SHORT_PATHWAY,
    Cell,
    Episode,
    need_areas,
)
from roth_desktop.data_return.population import PopulationTable
from roth_desktop.data_return.suppression import SUPPRESSED, Shown, Suppressor
from roth_desktop.models import Gender, Pathway

ROTH_SHARE_FROM_AGE = 10
NOT_KNOWN = "Not known"
TOTAL_IN_TABLE = "Total in the population file"
SHARE = "% of young people on a ROTH plan"
RATE_HEADERS = ("Population", "Rate per 10,000", "Rate ratio")
TRADITIONAL_ONLY = "Traditional child protection episodes (never ROTH in the range)"
TIMED = "Initial conferences in the range with a strategy discussion date"


@dataclass(frozen=True)
class Section:
    """One table of the Summary sheet; ``labels`` leading columns name the row."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    labels: int = 1
    measures: bool = False  # a list of (measure, value) rather than a table of groups


@dataclass(frozen=True)
class Headline:
    """The return's main numbers, before small-number suppression (for the person running it)."""

    young_people_on_roth: int
    roth_episodes: int
    traditional_episodes: int
    initial_conferences_timed: int
    within_timescale: int
    transfers: int


@dataclass(frozen=True)
class Summary:
    start: date
    end: date
    suppressor: Suppressor
    headline: Headline
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class _Person:
    """A young person on a ROTH plan in the range, as the breakdowns count them."""

    age_band: str
    gender: Gender
    ethnicity_code: str
    harm_types: frozenset[str]
    needs: frozenset[str]


def _people(roth: Sequence[Episode]) -> list[_Person]:
    by_person: dict[str, list[Episode]] = {}
    for episode in roth:
        by_person.setdefault(episode.young_person_key, []).append(episode)
    people = []
    for episodes in by_person.values():
        first = min(episodes, key=lambda e: (e.opened_on, e.episode_id))
        people.append(
            _Person(
                age_band=first.age_band or NOT_KNOWN,
                gender=first.gender,
                ethnicity_code=first.ethnicity_code,
                harm_types=frozenset(h for e in episodes for h in e.harm_types),
                needs=frozenset(n for e in episodes for n in e.needs_flagged),
            )
        )
    return people


class _Builder:
    def __init__(self, s: Suppressor, people: list[_Person]) -> None:
        self.s = s
        self.people = people

    def shares(self, count: int) -> tuple[Shown, Shown]:
        return self.s.count(count), self.s.percent(count, len(self.people))

    def grouped(
        self,
        key: str,
        title: str,
        labels: tuple[str, ...],
        groups: Sequence[tuple[tuple[str, ...], int]],
        table: Mapping[str, int] | None = None,
        in_table: Callable[[_Person], str | None] = lambda _person: None,
    ) -> Section:
        """A table of groups with count and share, plus rates when ``table`` is given.

        ``table`` is population by the group's first label; ``in_table`` says which
        of its groups a person counts in for rates (None: a group it does not list).
        """
        table = table or {}
        headers = (*labels, "Young people", SHARE, *(RATE_HEADERS if table else ()))
        rows: list[tuple[Cell, ...]] = []
        if not table:
            rows = [(*names, *self.shares(count)) for names, count in groups]
            return Section(key, title, headers, tuple(rows), labels=len(labels))
        placed = Counter(g for g in map(in_table, self.people) if g in table)
        ref_count = sum(placed.values())
        ref_population = sum(table.values())
        for names, count in groups:
            population = table.get(names[0])
            extra: tuple[Cell, ...] = (None, None, None)
            if population is not None:
                n = placed[names[0]]
                extra = (
                    population,
                    self.s.rate(n, population),
                    self.s.ratio(n, population, ref_count, ref_population),
                )
            rows.append((*names, *self.shares(count), *extra))
        blanks = ("",) * (len(labels) - 1)
        rows.append(
            (
                TOTAL_IN_TABLE,
                *blanks,
                self.s.count(ref_count),
                None,
                ref_population,
                self.s.rate(ref_count, ref_population),
                self.s.ratio(ref_count, ref_population, ref_count, ref_population),
            )
        )
        return Section(key, title, headers, tuple(rows), labels=len(labels))


WHO = "Young people on a ROTH plan"


def _measures(key: str, title: str, rows: Sequence[tuple[str, Shown]]) -> Section:
    return Section(key, title, ("Measure", "Value"), tuple(rows), measures=True)


def _roth_share(s: Suppressor, roth: list[Episode], traditional: list[Episode]) -> Section:
    def older(episodes: list[Episode]) -> int:
        return sum(1 for e in episodes if (e.age_at_conference or 0) >= ROTH_SHARE_FROM_AGE)

    a, b = older(roth), older(traditional)
    # Worked out from both parts, so either one hidden hides the share.
    share = SUPPRESSED if s.hidden(b) else s.percent(a, a + b)
    return _measures(
        "roth_share",
        "ROTH plans as a share of child protection plans, aged "
        f"{ROTH_SHARE_FROM_AGE} and over at conference",
        [
            ("ROTH episodes", s.count(a)),
            ("Traditional child protection episodes", s.count(b)),
            ("All child protection episodes", s.count(a + b)),
            ("ROTH share (%)", share),
        ],
    )


def _timed(roth: list[Episode], start: date, end: date) -> list[Episode]:
    """ROTH episodes with both dates whose initial conference was held in the range."""
    return [
        e
        for e in roth
        if e.working_days_to_initial is not None
        and e.initial_conference_on is not None
        and start <= e.initial_conference_on <= end
    ]


def _timescales(s: Suppressor, timed: list[Episode], days: int) -> Section:
    in_time = sum(1 for e in timed if e.within_timescale)
    return _measures(
        "timescales",
        "ROTH episodes: strategy discussion to initial conference",
        [
            (TIMED, s.count(len(timed))),
            (f"Within {days} working days", s.count(in_time)),
            (f"Over {days} working days", s.count(len(timed) - in_time)),
            (f"Within {days} working days (%)", s.percent(in_time, len(timed))),
        ],
    )


def _transfers(s: Suppressor, moves: Counter[tuple[Pathway, Pathway]]) -> Section:
    order = list(Pathway)
    pairs = sorted(moves, key=lambda pair: (order.index(pair[0]), order.index(pair[1])))
    return Section(
        "transfers",
        "Transfers between pathways in the range",
        ("From", "To", "Transfers"),
        tuple((SHORT_PATHWAY[a], SHORT_PATHWAY[b], s.count(moves[a, b])) for a, b in pairs),
        labels=2,
    )


def _harm(b: _Builder, people: list[_Person], pack: ContentPack) -> Section:
    keys = [h.key for h in pack.harm_types]
    keys += sorted({h for p in people for h in p.harm_types} - set(keys))
    rows = [((k, pack.harm_label(k)), sum(1 for p in people if k in p.harm_types)) for k in keys]
    return b.grouped("harm_types", f"{WHO} by harm type", ("Harm type key", "Harm type"), rows)


def _needs(b: _Builder, people: list[_Person], areas: Sequence[str], pack: ContentPack) -> Section:
    def label(key: str) -> str:
        area = pack.need(key)
        return area.label("en") if area else key.replace("_", " ")

    rows = [((a, label(a)), sum(1 for p in people if a in p.needs)) for a in areas]
    return b.grouped(
        "needs", f"{WHO}: needs not met or partly met", ("Need area key", "Need area"), rows
    )


def _ages(
    b: _Builder, people: list[_Person], bands: Sequence[AgeBand], pop: PopulationTable
) -> Section:
    ages = Counter(p.age_band for p in people)
    rows = [((band.label,), ages[band.label]) for band in bands]
    if ages[NOT_KNOWN]:
        rows.append(((NOT_KNOWN,), ages[NOT_KNOWN]))
    title = f"{WHO} by age at conference"
    return b.grouped("age_bands", title, ("Age band",), rows, pop.age_band, lambda p: p.age_band)


def _genders(b: _Builder, people: list[_Person], pop: PopulationTable) -> Section:
    genders = Counter(p.gender for p in people)
    rows = [((g.value, g.label), genders[g]) for g in Gender]
    labels = ("Gender code", "Gender")
    return b.grouped(
        "gender", f"{WHO} by gender", labels, rows, pop.gender, lambda p: p.gender.value
    )


def _ethnicity(b: _Builder, people: list[_Person], pop: PopulationTable) -> tuple[Section, ...]:
    """By DfE code, then by DfE group; a group's population adds up its codes in the file."""
    codes = ethnicity_codes().codes
    group_of = {c.code: c.group for c in codes}
    groups = list(dict.fromkeys(c.group for c in codes))
    by_code = Counter(p.ethnicity_code for p in people)
    by_group = Counter(group_of.get(p.ethnicity_code, NOT_KNOWN) for p in people)
    listed = pop.ethnicity
    group_population: dict[str, int] = {}
    for code, population in listed.items():
        group_population[group_of[code]] = group_population.get(group_of[code], 0) + population
    return (
        b.grouped(
            "ethnicity",
            f"{WHO} by ethnicity",
            ("Ethnicity code", "Ethnicity", "DfE group"),
            [((c.code, c.label, c.group), by_code[c.code]) for c in codes],
            listed,
            lambda p: p.ethnicity_code,
        ),
        b.grouped(
            "ethnic_groups",
            f"{WHO} by DfE ethnic group",
            ("DfE group",),
            [((g,), by_group[g]) for g in groups],
            group_population,
            lambda p: group_of[p.ethnicity_code] if p.ethnicity_code in listed else None,
        ),
    )


def summarise(
    episodes: Sequence[Episode],
    start: date,
    end: date,
    *,
    threshold: int,
    bands: Sequence[AgeBand],
    pack: ContentPack,
    timescale_days: int,
    population: PopulationTable | None = None,
) -> Summary:
    """The Summary's tables; ``timescale_days`` is the policy's initial conference limit,
    which each episode's ``within_timescale`` was already worked out against."""
    s = Suppressor(threshold)
    roth = [e for e in episodes if e.roth_at_any_point]
    traditional = [e for e in episodes if not e.roth_at_any_point]
    people = _people(roth)
    b = _Builder(s, people)
    pop = population or PopulationTable()
    timed = _timed(roth, start, end)
    moves = Counter(
        (t.from_pathway, t.to_pathway) for e in episodes for t in e.transfers_between(start, end)
    )
    headline = Headline(
        young_people_on_roth=len(people),
        roth_episodes=len(roth),
        traditional_episodes=len(traditional),
        initial_conferences_timed=len(timed),
        within_timescale=sum(1 for e in timed if e.within_timescale),
        transfers=sum(moves.values()),
    )
    sections = (
        _measures(
            "headline",
            "Headline figures",
            [
                (WHO, s.count(len(people))),
                ("ROTH episodes", s.count(len(roth))),
                (TRADITIONAL_ONLY, s.count(len(traditional))),
            ],
        ),
        _roth_share(s, roth, traditional),
        _harm(b, people, pack),
        _ages(b, people, bands, pop),
        _genders(b, people, pop),
        *_ethnicity(b, people, pop),
        _needs(b, people, need_areas(episodes, pack), pack),
        _timescales(s, timed, timescale_days),
        _transfers(s, moves),
    )
    return Summary(start, end, s, headline, sections)
