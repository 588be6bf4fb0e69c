"""Financial years run April to March; months are labelled 'YYYY-MM'."""

from __future__ import annotations

from dataclasses import dataclass

MONTHS_IN_YEAR = 12


@dataclass(frozen=True, order=True)
class FinancialYear:
    """A financial year named by the calendar year it starts in: 2016 is 2016/17."""

    start: int

    @property
    def label(self) -> str:
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    def months(self) -> list[str]:
        return [month_label(self.start, i) for i in range(MONTHS_IN_YEAR)]

    @classmethod
    def parse(cls, text: str) -> FinancialYear:
        """Accept '2016/17', '2016-17' or '2016'."""
        head = text.strip().replace("-", "/").split("/")[0]
        if not head.isdigit() or len(head) != 4:
            raise ValueError(f"not a financial year: {text!r} (expected e.g. 2016/17)")
        return cls(int(head))

    def __str__(self) -> str:
        return self.label


def month_label(start_year: int, index: int) -> str:
    """Month `index` (0 = April) of the financial year starting in `start_year`."""
    month = (index + 3) % 12 + 1
    year = start_year + (index + 3) // 12
    return f"{year:04d}-{month:02d}"


def short_month(label: str) -> str:
    """'2016-04' -> 'Apr 16', for axes and headers."""
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    year, month = label.split("-")
    return f"{names[int(month) - 1]} {year[2:]}"
