"""What a colleague types into exported SRG resilience and BCF workbooks (test helpers).

Cells are addressed as the shipped templates lay them out; the values cover every kind
the templates hold: counts, fractions, £ with pence, Y/N, list choices, dates, free text.
"""

from __future__ import annotations

import datetime as dt

import openpyxl

from workbench.templates.workbook.styles import is_input_style

MONTH_COLUMNS = range(4, 17)  # D (2015/16 outturn) .. P (Mar-17) on Demand and Capacity


def type_resilience(source, target) -> None:
    book = openpyxl.load_workbook(source)
    cover = book["Cover"]
    cover["C10"], cover["C12"] = "Oxfordshire SRG", "10Q; RTH; Oxfordshire County Council"
    cover["C14"], cover["C15"] = "Draft 2", dt.date(2016, 4, 8)
    cover["C16"], cover["C17"] = "A. Planner", "a.planner@nhs.net"
    cover["C18"] = "Accountable officer"
    demand = book["Demand and Capacity"]
    demand["D8"], demand["D15"] = 0.887, 0.0725  # 4-hour and DTOC 2015/16 outturn
    for n, col in enumerate(MONTH_COLUMNS):
        winter = n in (8, 9, 10, 11)
        demand.cell(10, col, 812)  # core beds
        demand.cell(11, col, 24 if winter else 0)  # escalation beds
        demand.cell(12, col, 790.5 if winter else 745.25)  # occupied
        demand.cell(14, col, 1_020 - 10 * n)  # delayed days
        demand.cell(16, col, 4_200 + n)  # electives
    checklist = book["Resilience Checklist"]
    answers = [("Yes", "Green"), ("Yes", "Green"), ("Partial", "Amber"), ("Yes", "Green"),
               ("Partial", "Amber"), ("No", "Red"), ("Yes", "Green"), ("Partial", "Amber")]
    for r, (in_place, rag) in enumerate(answers, start=7):
        checklist.cell(r, 3, in_place)
        checklist.cell(r, 4, rag)
    checklist["E9"], checklist["F9"], checklist["G9"] = (
        "Social care assessors at weekends from October", "Director of Adult Services",
        dt.date(2016, 10, 3))
    checklist["E12"] = "Crisis café business case to the March board"
    book.save(target)


SCHEMES = [
    ("S1", "Reablement service", "Reablement", "Social care", "Local authority",
     "Oxford Health", "CCG minimum contribution", "Existing", 6_450_000),
    ("S2", "Integrated locality teams", "Integrated care planning", "Community health",
     "Joint", "", "CCG minimum contribution", "New", 3_125_000.5),
    ("S3", "Home adaptations", "DFG related schemes", "Social care", "Local authority",
     "", "Disabled Facilities Grant", "Existing", 3_100_000),
]


def type_bcf(source, target) -> None:
    book = openpyxl.load_workbook(source)
    cover = book["Cover"]
    cover["C10"], cover["C11"] = "Oxfordshire Health and Wellbeing Board", "E10000025"
    cover["C12"], cover["C13"] = "Oxfordshire County Council", "10Q"
    cover["C14"], cover["C18"] = dt.date(2016, 5, 5), "B. Manager"
    funding = book["Funding Sources"]
    for r, (code, amount, pooled) in {7: ("10Q", 37_953_000, "Y"),
                                      9: ("E10000025", 5_200_000.5, "N"),
                                      10: (None, 3_100_000, "Y")}.items():
        funding.cell(r, 3, code)
        funding.cell(r, 4, amount)
        funding.cell(r, 5, pooled)
    expenditure = book["Expenditure Plan"]
    for r, scheme in enumerate(SCHEMES, start=7):
        for c, value in enumerate(scheme, start=1):
            expenditure.cell(r, c, value or None)
    supporting = book["Supporting Metrics"]
    for r, row in {7: (658.2, 640, 640, 97_240), 8: (0.82, 0.85, 663, 780),
                   9: (1_205.4, 1_100, 5_540, 503_600)}.items():
        for c, value in enumerate(row, start=3):
            supporting.cell(r, c, value)
    conditions = book["National Conditions"]
    for r in range(7, 15):
        conditions.cell(r, 2, "Yes")
    conditions["B12"], conditions["C12"] = "No - in progress", dt.date(2016, 9, 30)
    conditions["D12"] = "Provider impact agreed with OUH; Oxford Health to sign"
    book.save(target)


TYPE = {"resilience": type_resilience, "bcf": type_bcf}


def input_cells(path) -> dict[tuple[str, str], object]:
    """Every unlocked (input) cell of every sheet: (sheet, cell) -> value."""
    book = openpyxl.load_workbook(path)
    return {(ws.title, cell.coordinate): cell.value for ws in book.worksheets
            for row in ws.iter_rows() for cell in row if is_input_style(cell)}
