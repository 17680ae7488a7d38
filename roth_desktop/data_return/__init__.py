"""The ROTH data return: the figures pilot sites kept by hand, from the workspace.

``write_data_return`` writes a workbook (Summary, Episodes, Notes) and two CSVs.
"""

from roth_desktop.data_return.age_bands import DEFAULT_AGE_BANDS, AgeBand
from roth_desktop.data_return.cin_factors import CinFactors, cin_factor_codes
from roth_desktop.data_return.errors import DataReturnError, PopulationFileError
from roth_desktop.data_return.population import PopulationTable, read_population
from roth_desktop.data_return.workbook import DataReturnResult, write_data_return

__all__ = [
    "DEFAULT_AGE_BANDS",
    "AgeBand",
    "CinFactors",
    "DataReturnError",
    "DataReturnResult",
    "PopulationFileError",
    "PopulationTable",
    "cin_factor_codes",
    "read_population",
    "write_data_return",
]
