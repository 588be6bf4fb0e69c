"""Benchmarks of the large plan: engine, store, GUI edit, templates, startup and memory.

    python benchmarks/run.py            # table with goals, then the scaling table
    python benchmarks/run.py --json     # one JSON object on stdout (scaling table on stderr)
    python benchmarks/run.py --quick    # fewer repetitions
    python benchmarks/run.py --only engine,gui --no-scaling

Times are medians in ms of several runs after one warm-up run; each ratio is measured in the
same run as its floor, the two interleaved. What each figure measures: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOALS = {  # figure: (limit, unit); a figure passes when it is below its limit
    "engine_edit_recompute_ms": 16,
    "edit_to_chart_ms": 50,
    "edit_to_paint_ms": 33,  # two frames at 60 Hz
    "template_export_ratio": 1.5,
    "template_import_ratio": 1.5,
    "startup_ms": 1000,
    "startup_ratio": 1.0,  # at most: the app up no later than its libraries alone
    "peak_rss_mb": 400,
    "simulation_demo_ms": 1000,
    "simulation_large_ms": 2000,
    "board_paper_pdf_ms": 3000,
    "scroll_frame_ms": 16.7,  # one frame at 60 Hz
}
GROUPS = {  # --only names, in the order they run
    "engine": ("engine_full", "engine_edit"),
    "store": ("store_load",),
    "gui": ("edit_to_chart", "edit_gap_with_scenarios"),
    "scroll": ("scroll",),
    "export": ("template_export",),
    "import": ("template_import",),
    "rss": ("peak_rss",),
    "startup": ("startup",),
    "odds": ("simulation",),
    "board": ("board_paper",),
}
ORDER = [  # figures in the tables, in this order
    "engine_full_recompute_ms", "engine_edit_recompute_ms", "store_load_ms", "edit_to_chart_ms",
    "edit_to_paint_ms", "edit_gap_with_scenarios_ms", "scroll_frame_ms", "scroll_frame_p95_ms",
    "scroll_frame_max_ms", "jump_ms", "sort_click_ms", "filter_key_ms", "template_export_ms",
    "template_export_floor_ms", "template_export_ratio", "template_import_ms",
    "template_import_floor_ms",
    "template_import_ratio", "template_import_floor_gc_paused_ms",
    "template_import_ratio_gc_paused_floor", "startup_ms", "startup_floor_ms", "startup_ratio",
    "startup_first_open_ms", "startup_first_open_ratio", "startup_complete_ms",
    "startup_large_ms", "startup_large_complete_ms", "peak_rss_mb",
    "simulation_demo_ms", "simulation_large_ms",
    "board_paper_pdf_ms",
]
SCALES = ("1/10", "1/2", "1", "5")
# A whole ICS on one laptop: goals for the 5x column of the scaling table.
SCALE_GOALS = {"5": {"store_load_ms": 1000, "engine_full_recompute_ms": 250,
                     "edit_to_paint_ms": 50, "peak_rss_mb": 600,
                     "scroll_frame_ms": 16.7, "sort_click_ms": 100, "filter_key_ms": 100,
                     "template_export_ratio": 1.5, "template_import_ratio": 1.5}}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--scale", default="1", choices=SCALES,
                        help="scale of the plan for the main figures (default 1)")
    parser.add_argument("--no-scaling", action="store_true",
                        help="skip the same figures at the other scales (1/10, 1/2, 1, 5)")
    parser.add_argument("--scales", default=",".join(SCALES),
                        help=f"scales of the scaling table (default {','.join(SCALES)})")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups to run (default all: {','.join(GROUPS)})")
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="work in DIR and keep its databases and workbooks")
    args = parser.parse_args(argv)
    args.groups = [g.strip() for g in args.only.split(",") if g.strip()]
    args.scales = [x.strip() for x in args.scales.split(",") if x.strip()]
    if set(args.scales) - set(SCALES):
        parser.error(f"unknown scale(s); known: {', '.join(SCALES)}")
    unknown = sorted(set(args.groups) - set(GROUPS))
    if unknown:
        parser.error(f"unknown group(s) {', '.join(unknown)}; known: {', '.join(GROUPS)}")
    return args


def isolate(folder: Path) -> None:
    """Offscreen Qt; settings, recent files and backups go to the work folder."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HOME"] = str(folder / "home")
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["WORKBENCH_DATA_DIR"] = str(folder / "data")


def measure(folder: Path, scale: str, groups: list[str], quick: bool) -> dict:
    """The figures of `groups` at `scale`, in this process."""
    from benchmarks import figures

    reps = figures.Repeats.quick() if quick else figures.Repeats()
    out: dict = {"scale": scale}
    space = None
    for group in GROUPS:
        if group not in groups:
            continue
        for name in GROUPS[group]:
            log(f"[{scale}] {name} ...")
            start = time.perf_counter()
            if name == "startup":
                out.update(figures.startup(folder / "startup", reps))
            elif name == "board_paper":
                out.update(board_paper(folder / "board", reps.slow))
            else:
                if space is None:
                    space = figures.prepare(folder / "plan", Fraction(scale))
                    out["counts"] = space.counts()
                step = simulation if name == "simulation" else getattr(figures, name)
                try:
                    figure = step(space, reps)
                except AssertionError as exc:
                    if Fraction(scale) <= 1:
                        raise
                    # beyond the plan the app is built for, a limit met is a finding
                    figure = {f"{name}_error": str(exc).strip().splitlines()[-2:]}
                out.update(figure)
                log(f"[{scale}] {json.dumps(figure)}")
            log(f"[{scale}] {name} done in {time.perf_counter() - start:.1f} s")
    out["repeats"] = vars(reps)
    return out


def simulation(space, reps) -> dict[str, float]:
    """Delivery odds: 10,000 Monte Carlo draws (inputs from the engine's results included)
    on the demo plan and on the large plan, after one warm-up run (which also builds the
    Beta quantile tables, about 0.2 s once per process)."""
    from benchmarks.timing import sample
    from workbench.domain.demo_plan import demo_plan
    from workbench.engine import compute
    from workbench.engine.simulation import SimulationSettings, simulate

    settings = SimulationSettings(draws=10_000, seed=2016)
    out = {}
    for key, plan in (("simulation_demo_ms", demo_plan()), ("simulation_large_ms", space.plan)):
        results = compute(plan)
        out[key] = sample(lambda p=plan, r=results: simulate(p, r, settings), reps.medium).median
    return out
def board_paper(folder: Path, repeat: int) -> dict[str, float]:
    """The demo plan's Governing Body paper as a PDF: compute, lay out, write the file."""
    from benchmarks.timing import sample
    from workbench.domain.demo_plan import demo_plan
    from workbench.reports import CoverFields, build_board_paper, write_board_paper

    folder.mkdir(parents=True, exist_ok=True)
    cover = CoverFields(meeting_date="2016-03-10", paper_number="16/12")

    def step() -> None:
        write_board_paper(build_board_paper(demo_plan(), cover), folder / "board.pdf")

    return {"board_paper_pdf_ms": sample(step, repeat).median}


def scaling_row(scale: str, groups: list[str], quick: bool) -> dict:
    """The same figures at another scale, in a new process (nothing shared with this one)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--json", "--no-scaling",
           "--scale", scale, "--only", ",".join(groups)]
    if quick:
        cmd.append("--quick")
    out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(out.stdout)


def fmt(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    if "_ratio" in name:
        return f"{value:.2f}"
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


AT_MOST = {"startup_ratio"}  # goals met at the limit itself; the others need to be below it
STARTUP_ONLY = ("goals", "startup_ms", "startup_peak_rss_mb", "startup_floor_ms",
                "startup_ratio", "startup_floor_peak_rss_mb", "startup_complete_ms",
                "startup_first_open_ms", "startup_first_open_ratio")


def passes(name: str, value: float) -> bool:
    goal = GOALS[name]
    return value <= goal if name in AT_MOST else value < goal


def main_table(result: dict) -> list[str]:
    rows = [f"{'figure':38} {'median':>10} {'goal':>8}  verdict"]
    for name in ORDER:
        if name not in result:
            continue
        value, goal = result[name], GOALS.get(name)
        verdict = "" if goal is None else ("PASS" if passes(name, value) else "over")
        rows.append(f"{name:38} {fmt(name, value):>10} {fmt(name, goal) if goal else '':>8}"
                    f"  {verdict}")
    return rows


def scaling_table(scaling: dict) -> list[str]:
    scales = [s for s in SCALES if s in scaling]
    head = f"{'figure':38}" + "".join(f"{s:>10}" for s in scales)
    grow = "1/10" in scaling and "1" in scaling
    goals = SCALE_GOALS.get("5", {}) if "5" in scaling else {}
    rows = [head + (f"{'x(1/10->1)':>12}" if grow else "")
            + (f"{'5x goal':>9}  verdict" if goals else "")]
    counts = {s: scaling[s].get("counts", {}) for s in scales}
    for key in ("schemes", "activity_lines", "trajectories"):
        rows.append(f"{key:38}" + "".join(f"{counts[s].get(key, 0):>10,}" for s in scales))
    loads = [scaling[s].get("machine", {}).get("load_average", [None])[0] for s in scales]
    rows.append(f"{'load average at start (1 min)':38}"
                + "".join(f"{x:>10.2f}" if x is not None else f"{'-':>10}" for x in loads))
    for name in ORDER:
        if not any(name in scaling[s] for s in scales) or name in STARTUP_ONLY:
            continue
        line = f"{name:38}" + "".join(f"{fmt(name, scaling[s].get(name)):>10}" for s in scales)
        small, big = scaling.get("1/10", {}).get(name), scaling.get("1", {}).get(name)
        if grow:
            line += f"{big / small:>12.1f}" if small and big else f"{'':>12}"
        value = scaling["5"].get(name) if goals else None
        if name in goals and value is not None:
            line += f"{fmt(name, goals[name]):>9}  {'PASS' if value < goals[name] else 'over'}"
        rows.append(line)
    return rows


def run(args: argparse.Namespace, folder: Path) -> dict:
    isolate(folder)
    load_before = os.getloadavg()
    result = measure(folder / args.scale.replace("/", "_"), args.scale, args.groups, args.quick)
    result["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                         "platform": platform.platform(),
                         # 1-minute load average before and after: other work on the machine
                         "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)]}
    result["goals"] = GOALS
    result["scale_goals"] = SCALE_GOALS
    if not args.no_scaling:
        groups = [g for g in args.groups if g not in ("startup", "board")]  # not scaled
        scaling = {args.scale: {k: v for k, v in result.items()
                                if k not in STARTUP_ONLY}}
        for scale in SCALES:
            if scale not in scaling and scale in args.scales and groups:
                log(f"scaling: {scale} in a new process ...")
                scaling[scale] = scaling_row(scale, groups, args.quick)
        result["scaling"] = {s: scaling[s] for s in SCALES if s in scaling}
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(args, args.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="workbench-bench-") as tmp:
            result = run(args, Path(tmp))
    scaling = scaling_table(result["scaling"]) if "scaling" in result else []
    if args.json:
        print(json.dumps(result, indent=2))
        if scaling:
            log("\n".join(["", "Scaling (medians; the last column is 1x over 1/10):",
                           *scaling]))
    else:
        counts = result.get("counts", {})
        print(f"Large plan at scale {args.scale}: " + ", ".join(
            f"{v:,} {k.replace('_', ' ')}" for k, v in counts.items()))
        print("\n".join(main_table(result)))
        if scaling:
            print("\nScaling (medians; the last column is 1x over 1/10):")
            print("\n".join(scaling))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
