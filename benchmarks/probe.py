"""Run in a fresh process by run.py: start the app as a user does and report when the main
window is up. Prints one JSON line: wall-clock time when the window was shown (compared by
the parent with the time it started this process), when the charts built just after the
first paint were painted too, and the peak RSS of the process (VmHWM; see peak_rss_mb).

    python benchmarks/probe.py PATH.db

The app is started through workbench.app.main(["--db", PATH]) with WORKBENCH_REPORT_SHOWN
set, and nothing imported before it (as `workbench --db PATH` starts: importing Qt first
would change what every later import costs): argument parsing, the lock file, opening and
upgrading the store, the backup taken on open, loading the plan, the engine's first compute
and building and showing the window. A zero-delay timer queued just after the window is
shown fires once the event loop runs; it processes the events still pending (layout and the
first paint), prints the clock ("shown"), then builds and paints what waited for the first
paint (the charts), prints the clock again ("complete") and quits.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys

# This checkout's workbench, not whichever copy is installed (python puts only this folder
# on the path when it runs a script).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB: VmHWM, the high-water mark of its own
    address space. ru_maxrss is not used on Linux: a process started by a large one
    (subprocess spawns with vfork) begins with the parent's peak as its own, so it reads the
    benchmark's memory, not the app's."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    db = sys.argv[1]
    os.environ["WORKBENCH_REPORT_SHOWN"] = "1"
    from workbench.app import main as app_main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = app_main(["--db", db])
    times = {k: float(v) for k, v in (line.split() for line in out.getvalue().splitlines()
                                      if line.startswith(("shown ", "complete ")))}
    report = {"shown_at": times.get("shown"), "complete_at": times.get("complete"),
              "peak_rss_mb": peak_rss_mb(),
              "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    print(json.dumps(report), flush=True)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
