"""Children in need census factor codes, and how ROTH records map onto them.

The codes and the mappings are versioned data (``resources/codes/cin_factors.json``):
census guides add factors (criminal exploitation arrived after 2019-20), and a
local authority reporting on a later guide edits that file, not this code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from roth_desktop.code_lists import Code, CodeList
from roth_desktop.data_return.errors import DataReturnError

MAPPINGS = ("harm_types", "needs", "cp_categories")


@dataclass(frozen=True)
class CinFactors:
    """The factor code list and which factors each harm type, need area and category adds."""

    codes: CodeList
    source: str
    harm_types: Mapping[str, tuple[str, ...]]
    needs: Mapping[str, tuple[str, ...]]
    cp_categories: Mapping[str, tuple[str, ...]]

    def factors_for(
        self, harm_types: Iterable[str], needs: Iterable[str], category: str | None
    ) -> tuple[str, ...]:
        """The factors an episode's records add, in the code list's order."""
        found: set[str] = set()
        for key in harm_types:
            found.update(self.harm_types.get(key, ()))
        for key in needs:
            found.update(self.needs.get(key, ()))
        if category:
            found.update(self.cp_categories.get(category, ()))
        return tuple(c.code for c in self.codes.codes if c.code in found)


def _mapping(raw: Any, which: str, known: set[str]) -> dict[str, tuple[str, ...]]:
    table = raw.get(which, {}) if isinstance(raw, dict) else {}
    if not isinstance(table, dict):
        raise DataReturnError(f"The CIN factor list's '{which}' mapping is not a table.")
    mapped: dict[str, tuple[str, ...]] = {}
    for key, codes in table.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise DataReturnError(f"The CIN factor list maps '{key}' to something not a list.")
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise DataReturnError(
                f"The CIN factor list maps '{key}' to code {unknown[0]}, which it does not list."
            )
        mapped[str(key)] = tuple(codes)
    return mapped


def parse_cin_factors(raw: Any) -> CinFactors:
    try:
        codes = CodeList(
            name=str(raw["name"]),
            version=str(raw["version"]),
            codes=tuple(Code(str(c["code"]), str(c["label"]), "") for c in raw["codes"]),
        )
    except (KeyError, TypeError):
        raise DataReturnError(
            "The CIN factor list needs a name, a version and codes with a code and a label."
        ) from None
    known = {c.code for c in codes.codes}
    mappings = raw.get("mappings", {})
    harm, needs, categories = (_mapping(mappings, which, known) for which in MAPPINGS)
    return CinFactors(codes, str(raw.get("source", "")), harm, needs, categories)


@cache
def cin_factor_codes() -> CinFactors:
    source = files("resources").joinpath("codes/cin_factors.json")
    try:
        raw = json.loads(source.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise DataReturnError("The CIN factor list could not be read as JSON.") from None
    return parse_cin_factors(raw)
