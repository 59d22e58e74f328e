"""How dates read on pages and in exports, whatever the build machine's locale.

``strftime`` names months and weekdays in the locale's language and ``%-d`` is
glibc's alone, so nothing shown to readers goes through it: the names are
English, from :mod:`archive.dates`, which reads them in the text
(``long_date``: "Wednesday 25 August 2021", ``month_year``: "August 2021").
"""

from __future__ import annotations

import datetime
import re
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


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _iso_parts(value: object) -> tuple[int, ...] | None:
    """(year[, month[, day]]) of a date or an ISO 8601 text; ``None`` if it is neither."""
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    match = _ISO.match(str(value or ""))
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p)
    try:
        datetime.date(parts[0], *(parts[1:] or (1,)), *((1,) if len(parts) < 3 else ()))
    except ValueError:
        return None
    return parts


def shown_date(value: object) -> str:
    """Any date a page shows, in the one style: "25 August 2021", "August 2021", "2021".

    Articles, entity pages, events and notes all go through this one function, so a
    reader never meets "2021-08-24" beside "25 August 2021". Text that is not an ISO
    date (an editor's "late August") is shown as written.
    """
    parts = _iso_parts(value)
    if parts is None:
        return str(value or "")
    if len(parts) == 1:
        return str(parts[0])
    month = month_year(datetime.date(parts[0], parts[1], 1))
    return f"{parts[2]} {month}" if len(parts) == 3 else month


def machine_date(value: object) -> str:
    """The ``datetime`` attribute for ``value``: a valid ISO date, or "" (then no ``<time>``)."""
    parts = _iso_parts(value)
    if parts is None:
        return ""
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


# The theme's filters: ``{{ article.date|day_month_year }}``.
FILTERS: dict[str, Callable[..., Any]] = {
    "day_month_year": day_month_year,
    "long_date": long_date,
    "month_year": month_year,
    "period_label": period_label,
    "shown_date": shown_date,
    "machine_date": machine_date,
}
