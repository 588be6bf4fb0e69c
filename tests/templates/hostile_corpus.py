"""The hostile corpus: workbooks built to break the import and `export --into`, and the
check every one of them must pass (no traceback, no partial import, every refusal located,
bounded memory and time).

Run it whole (figures for the closing note):
    python -m tests.templates.hostile_corpus --mutations 250
which builds the named cases below plus `--mutations` seeded mutations of each of the four
templates' exported demo workbooks, and prints counts, the worst peak memory and time.
tests/templates/test_hostile_corpus.py runs a smaller share in CI, and hypothesis-generated
mutations of all four templates through the same check.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import random
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.utils.exceptions import IllegalCharacterError

from tests.templates import hostile
from tests.templates.helpers import LocalKeyStore, demo
from workbench.domain.edits import apply_to_plan
from workbench.domain.errors import TemplateError
from workbench.engine import compute
from workbench.templates.layouts.registry import spec_for
from workbench.templates.pipeline.exporter import export_template
from workbench.templates.pipeline.importer import plan_import

KINDS = ("finance", "activity", "resilience", "bcf")
HOSTILE_VALUES: tuple[object, ...] = (
    None, "", " ", "#REF!", "#N/A", "#DIV/0!", "=1/0", "=#REF!", "=A1", "=1000*2", "-",
    "(1,234)", "£5", "1.9%", "Identified", "Y", "N", "2016/17", "2017/18", "2099/00", "Total",
    "Draft", "Final", '=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0",
    "+1", "@SUM(A1)", "\tTab", "x" * 300, "x" * 33_000, 1e300, -1e300, 1e15, -1e15,
    float("nan"), float("inf"), 0, -1, 7, 1.5, -3, 10**12, True, False,
    dt.date(1900, 1, 1), dt.date(2016, 4, 30), dt.datetime(9999, 12, 31), "99X", "10Q",
)
ROW_ACTIONS = ("insert_rows", "delete_rows", "insert_cols", "delete_cols")


@dataclass
class Outcome:
    name: str
    result: str  # "imported", "refused", "traceback"
    peak_mb: float
    seconds: float
    detail: str = ""


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def count(self, result: str) -> int:
        return sum(o.result == result for o in self.outcomes)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result not in ("imported", "refused")]

    def worst(self, attr: str) -> Outcome:
        return max(self.outcomes, key=lambda o: getattr(o, attr))

    def summary(self) -> str:
        mem, slow = self.worst("peak_mb"), self.worst("seconds")
        return (f"{len(self.outcomes)} workbooks: {self.count('imported')} imported, "
                f"{self.count('refused')} refused, {len(self.failures)} failures "
                f"(tracebacks, partial imports, unlocated refusals); worst peak memory added "
                f"{mem.peak_mb:.0f} MB ({mem.name}); slowest {slow.seconds:.2f} s ({slow.name})")


_baseline_mb = 0.0  # the process's resident memory when the case began


def _status_mb(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _reset_peak() -> None:
    """Start a new peak-RSS measurement for this process (Linux: clear_refs 5), taken
    above what the process already held (the test run before it, or the generator)."""
    global _baseline_mb
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    _baseline_mb = _status_mb("VmRSS:")


def _peak_mb() -> float:
    """The case's peak memory: the high-water mark above the memory held when it began."""
    return max(0.0, _status_mb("VmHWM:") - _baseline_mb)


def located(report) -> str:
    """'' when every refusal says where it is; else the first that does not."""
    for finding in report.problems:
        if not finding.file or not finding.message:
            return f"a problem without file or message: {finding}"
        if finding.sheet and not finding.cell and "sheet is missing" not in finding.message \
                and "limit" not in finding.message:
            return f"a problem naming a sheet but no cell: {finding}"
    return ""


def check_one(name: str, path: Path, kind: str, export: bool = True) -> Outcome:
    """Import `path` (and export into it); the outcome, with this case's peak memory."""
    plan, _ = demo()
    _reset_peak()
    start = time.perf_counter()
    try:
        report = plan_import(path, plan)
        if report.ok:
            if report.edit is None:
                return Outcome(name, "no edit", _peak_mb(), time.perf_counter() - start)
            trial = copy.deepcopy(plan)
            apply_to_plan(trial, LocalKeyStore().apply(report.edit))  # the whole edit applies
            compute(trial)
            result = "imported"
        else:
            if report.edit is not None:
                return Outcome(name, "partial", _peak_mb(), time.perf_counter() - start)
            where = located(report)
            if where:
                return Outcome(name, "unlocated", _peak_mb(), time.perf_counter() - start,
                               where)
            result = "refused"
        if export and path.suffix.lower() in (".xlsx", ".xlsm"):
            with tempfile.TemporaryDirectory() as folder, contextlib.suppress(TemplateError):
                export_template(plan, report.kind or kind, Path(folder) / f"out{path.suffix}",
                                into=path)
    except Exception:  # the very thing the corpus looks for
        return Outcome(name, "traceback", _peak_mb(), time.perf_counter() - start,
                       traceback.format_exc(limit=-3))
    return Outcome(name, result, _peak_mb(), time.perf_counter() - start)


# -- the workbooks ----------------------------------------------------------------------
def exported(kind: str, folder: Path) -> Path:
    path = folder / f"demo_{kind}.xlsx"
    if not path.exists():
        export_template(demo()[0], kind, path)
    return path


def mutate_cells(wb, rng: random.Random, sheets: tuple[str, ...], edits: int) -> None:
    """Hostile edits a colleague, a broken tool or an attacker could make."""
    for _ in range(edits):
        sheet = rng.choice(sheets)
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        roll = rng.random()
        with contextlib.suppress(ValueError, TypeError, IndexError, IllegalCharacterError):
            if roll < 0.75:
                ws.cell(rng.randint(1, 60), rng.randint(1, 32)).value = rng.choice(
                    HOSTILE_VALUES)
            elif roll < 0.9:
                getattr(ws, rng.choice(ROW_ACTIONS))(rng.randint(1, 40), rng.randint(1, 3))
            elif roll < 0.95:
                wb.remove(ws)
            else:
                ws.title = sheet + " (old)"


def mutation(kind: str, seed: int, folder: Path) -> Path:
    rng = random.Random(f"{kind}-{seed}")
    wb = openpyxl.load_workbook(exported(kind, folder))
    mutate_cells(wb, rng, spec_for(kind).sheet_names, rng.randint(1, 8))
    path = folder / f"{kind}_mutation_{seed}.xlsx"
    try:
        wb.save(path)
    except (ValueError, TypeError, IndexError):  # openpyxl refuses to save this one
        path = hostile.copy_template(kind, path)
    if rng.random() < 0.15:  # and sometimes damage the bytes as well
        data = bytearray(path.read_bytes())
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[:rng.randrange(len(data))]
        path.write_bytes(bytes(data))
    return path


def _entity_bomb(source: Path, out: Path) -> Path:
    member = hostile.sheet_member(source, "Cover")
    head = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    return hostile.rewrite(source, out, member,
                           lambda d: head + (d.split(b"?>", 1)[1] if d.startswith(b"<?xml")
                                             else d))


def _cell_xml(source: Path, out: Path, sheet: str, xml: bytes) -> Path:
    member = hostile.sheet_member(source, sheet)
    return hostile.rewrite(source, out, member, lambda d: d.replace(
        b"</sheetData>", b'<row r="4000">' + xml + b"</row></sheetData>", 1))


def named_cases(folder: Path) -> Iterator[tuple[str, str, Callable[[], Path]]]:
    """(name, kind, builder): the cases of the issue and their neighbours, each template."""
    for kind in KINDS:
        src = exported(kind, folder)
        last_sheet = spec_for(kind).sheet_names[-2]
        yield (f"{kind}: 37 million empty cells in one row", kind,
               lambda k=kind: hostile.long_row(folder / f"{k}_long.xlsx", k, cells=37_000_000))
        yield (f"{kind}: 6 million empty cells on the {last_sheet} sheet", kind,
               lambda k=kind, s=last_sheet: hostile.long_row(folder / f"{k}_long6.xlsx", k, s,
                                                              cells=6_000_000))
        yield (f"{kind}: 95,000 numbers added (under the cell limit)", kind,
               lambda k=kind: hostile.filled_rows(folder / f"{k}_big.xlsx", k, "Lists",
                                                   rows=950, cols=100))
        yield (f"{kind}: 600,000 shared strings", kind,
               lambda k=kind, s=src: hostile.add_member(
                   s, folder / f"{k}_sst.xlsx", "xl/sharedStrings.xml",
                   hostile.shared_strings(600_000)))
        yield (f"{kind}: entity declarations", kind,
               lambda k=kind, s=src: _entity_bomb(s, folder / f"{k}_bomb.xlsx"))
        for label, xml in (("NaN", b'<c r="C4000"><v>NaN</v></c>'),
                           ("INF", b'<c r="C4000"><v>INF</v></c>'),
                           ("bad shared string", b'<c r="C4000" t="s"><v>99999</v></c>'),
                           ("bad date", b'<c r="C4000" t="d"><v>yesterday</v></c>'),
                           ("40,000-character cell", b'<c r="C4000" t="inlineStr"><is><t>'
                            + b"x" * 40_000 + b"</t></is></c>"),
                           ("cell address ZZZZ1", b'<c r="ZZZZ1"><v>1</v></c>')):
            yield (f"{kind}: {label} in the XML", kind,
                   lambda k=kind, s=src, x=xml, n=label: _cell_xml(
                       s, folder / f"{k}_{n[:3]}.xlsx", "Cover", x))
        yield (f"{kind}: cut in half", kind,
               lambda k=kind, s=src: _write(folder / f"{k}_cut.xlsx",
                                            s.read_bytes()[:len(s.read_bytes()) // 2]))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def run(mutations: int, named: bool = True, export: bool = True,
        progress: Callable[[Outcome], None] | None = None) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="hostile-") as name:
        folder = Path(name)
        cases: list[tuple[str, str, Callable[[], Path]]] = list(named_cases(folder)) if named \
            else []
        for kind in KINDS:
            for seed in range(mutations):
                cases.append((f"{kind}: mutation {seed}", kind,
                              lambda k=kind, s=seed: mutation(k, s, folder)))
        for case_name, kind, build in cases:
            path = build()
            outcome = check_one(case_name, path, kind, export=export)
            tally.add(outcome)
            if progress:
                progress(outcome)
            if path.exists() and not path.name.startswith("demo_"):
                path.unlink()
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=250, help="per template")
    parser.add_argument("--no-export", action="store_true")
    args = parser.parse_args()

    def show(o: Outcome) -> None:
        if o.result not in ("imported", "refused"):
            print(f"FAIL {o.name}: {o.result}\n{o.detail}", flush=True)

    tally = run(args.mutations, export=not args.no_export, progress=show)
    print(tally.summary())
    for outcome in sorted(tally.outcomes, key=lambda o: -o.peak_mb)[:5]:
        print(f"  {outcome.peak_mb:7.0f} MB {outcome.seconds:6.2f} s  {outcome.name}")


if __name__ == "__main__":
    main()


