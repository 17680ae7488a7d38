"""National code lists, read from versioned data in ``resources/codes``.

Code lists change with each census guide, so they are data a local authority can
update without a new release, never constants in code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    group: str


@dataclass(frozen=True)
class CodeList:
    name: str
    version: str
    codes: tuple[Code, ...]

    def label(self, code: str | None) -> str:
        for entry in self.codes:
            if entry.code == code:
                return entry.label
        return ""

    def __contains__(self, code: object) -> bool:
        return any(entry.code == code for entry in self.codes)


@cache
def ethnicity_codes() -> CodeList:
    raw = json.loads(files("resources").joinpath("codes/ethnicity_dfe.json").read_text("utf-8"))
    return CodeList(
        name=raw["name"],
        version=raw["version"],
        codes=tuple(Code(c["code"], c["label"], c["group"]) for c in raw["codes"]),
    )
