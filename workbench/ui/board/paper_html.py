"""The board paper as rich text for Qt's print preview and printing.

Qt cannot show our PDF (QtPdf is not in PySide6-Essentials), so the same BoardPaper is
laid out again as a QTextDocument; the charts are the same reportlab drawings, handed to
Qt as SVG, so preview, print and PDF show the same figures and the same charts."""

from __future__ import annotations

from html import escape

from workbench.reports.cover import EQUALITY, PURPOSES
from workbench.reports.paper import BoardPaper
from workbench.reports.tables import Table

NAVY = "#003087"
TICK, BOX = "&#9746;", "&#9744;"
BREAK = '<p style="page-break-before: always"></p>'


def _choices(options, chosen: str) -> str:
    return "&nbsp;&nbsp;&nbsp;".join(f"{TICK if o == chosen else BOX}&nbsp;{escape(o)}"
                                     for o in options)


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>") if value.strip() else "<i>Not stated</i>"


def cover_html(paper: BoardPaper) -> str:
    c = paper.cover
    short = tuple(p.removeprefix("For ").title() for p in PURPOSES)
    domains = "<br>".join(f"{TICK if on else BOX}&nbsp;{escape(n)}" for n, on in c.domains)
    rows = [("Date of meeting:", escape(c.meeting_text) or "<i>Not set</i>"),
            ("Paper no:", escape(c.paper_number) or "<i>Not set</i>"),
            ("Title:", f"<b>{escape(c.title)}</b>"),
            ("Is this paper for:", _choices(short, c.decision.removeprefix("For ").title())),
            ("Purpose and executive summary:", _text(c.purpose)),
            ("Financial implications of paper:", _text(c.financial_implications)),
            ("Action required:", _text(c.action_required)),
            ("NHS Outcomes Framework domains supported:", domains),
            ("Equality analysis completed:", _choices(EQUALITY, c.equality_analysis)),
            ("Author:", _text(c.author)), ("Clinical lead:", _text(c.clinical_lead))]
    cells = "".join(f'<tr><td width="28%" bgcolor="#edf0f5"><b>{label}</b></td>'
                    f"<td>{value}</td></tr>" for label, value in rows)
    return (f'<p style="font-size:16pt; color:{NAVY}"><b>{escape(paper.organisation)}</b></p>'
            '<p style="font-size:12pt">Governing Body meeting</p>'
            + (f'<p style="font-size:12pt"><b>{escape(paper.basis)}</b></p>' if paper.basis
               else "") +
            f'<table border="1" cellspacing="0" cellpadding="5" width="100%">{cells}</table>')


def table_html(table: Table) -> str:
    numeric = [table.numeric(i) and i > 0 for i in range(len(table.columns))]

    def row(cells, tag: str, bold: bool = False, shade: str = "") -> str:
        out = []
        for i, cell in enumerate(cells):
            text = escape(str(cell)).replace("  ", "&nbsp;&nbsp;&nbsp;")
            text = f"<b>{text}</b>" if bold else text
            align = ' align="right"' if numeric[i] else ' align="left"'
            out.append(f"<{tag}{align}>{text}</{tag}>")
        colour = f' bgcolor="{shade}"' if shade else ""
        return f"<tr{colour}>{''.join(out)}</tr>"

    body = "".join(row(r, "td", shade="#eef0f5" if n % 2 == 0 else "")
                   for n, r in enumerate(table.rows))
    total = row(table.total, "td", bold=True) if table.total else ""
    note = (f'<p style="font-size:7pt; color:#555555">{escape(table.note)}</p>'
            if table.note else "")
    return (f"<p><b>{escape(table.title)}</b></p>"
            '<table cellspacing="0" cellpadding="3" width="100%" style="font-size:8pt">'
            f"{row(table.columns, 'th')}{body}{total}</table>{note}")


def paper_html(paper: BoardPaper, charts: dict[str, tuple[int, int]]) -> str:
    """`charts` maps each chart's resource name to its size in points, in paper order:
    "cumulative", "heat_map", "trajectory0", ...."""

    def image(name: str) -> str:
        if name not in charts:
            return ""
        width, height = charts[name]
        return f'<p><img src="{name}" width="{width}" height="{height}"></p>'

    def section(title: str, text: list[str]) -> str:
        return (f'<h3 style="color:{NAVY}">{escape(title)}</h3>'
                + "".join(f"<p>{escape(t)}</p>" for t in text))

    parts = [cover_html(paper), BREAK,
             f'<h2 style="color:{NAVY}">{escape(paper.cover.title)}</h2>',
             section("1. Financial plan summary", paper.summary_text),
             table_html(paper.finance) if paper.finance else "",
             section("2. Savings by workstream and status", paper.savings_text),
             table_html(paper.workstreams) if paper.workstreams else "", image("cumulative"),
             section("3. Risks to the plan", paper.risk_text), image("heat_map"),
             table_html(paper.risks) if paper.risks else "",
             section("4. Trajectories against the standards", []),
             table_html(paper.trajectories) if paper.trajectories else "",
             *(image(f"trajectory{i}") for i in range(len(paper.trajectory_charts))),
             BREAK, section("Appendix: savings schemes", []),
             table_html(paper.schemes) if paper.schemes else ""]
    return "".join(parts)
