"""How dates read on pages and in exports, whatever the build machine's locale.

``strftime`` names months and weekdays in the locale's language and ``%-d`` is
glibc's alone, so nothing shown to readers goes through it: the names are
English, from :mod:`archive.dates`, which reads them in the text
(``long_date``: "Wednesday 25 August 2021", ``month_year``: "August 2021").
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from archive.dates import long_date, month_year


def day_month_year(value: datetime.date) -> str:
    """ "25 August 2021": an article's date."""
    return f"{value.day} {month_year(value)}"


def period_label(numbers: Sequence[int]) -> str:
    """A period archive's name from Pelican's ``period_num``: "2021", "August 2021", ..."""
    if len(numbers) == 1:
        return str(numbers[0])
    month = month_year(datetime.date(numbers[0], numbers[1], 1))
    return f"{numbers[2]} {month}" if len(numbers) > 2 else month


# The theme's filters: ``{{ article.date|day_month_year }}``.
FILTERS: dict[str, Callable[..., Any]] = {
    "day_month_year": day_month_year,
    "long_date": long_date,
    "month_year": month_year,
    "period_label": period_label,
}
