#!/usr/bin/env bash
# make installer: a clean build venv, the PyInstaller one-folder bundle, its checks, then the
# Linux packages (.tar.gz and .deb). Prints how long each step took and the sizes.
#
# Checks on the bundle: `--smoke` offscreen (and on X11 under Xvfb when xvfb-run is there),
# once with no network at all (a fresh network namespace, when unshare works), and a CLI run
# without --db that must write to the user's data folder and leave the bundle folder as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
version=$($PYTHON -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
bundle=dist/planning-workbench
exe=$bundle/planning-workbench   # the windowed app (no console on Windows)
console=$bundle/workbench        # the same program as a console executable, for IT
start=$SECONDS
step() { echo "== $1 (at $((SECONDS - start)) s)"; }

step "clean build environment (build/venv)"
# build/lib and build/bdist.* are setuptools' leftovers from the last `pip install .`; a stale
# build/lib would put modules deleted since then into the wheel.
rm -rf build/venv build/pyinstaller build/version-info build/lib build/bdist.* build/deb "$bundle" \
       dist/planning-workbench-*.tar.gz dist/planning-workbench_*.deb
$PYTHON -m venv build/venv
build/venv/bin/python -m pip install --quiet --upgrade pip
build/venv/bin/python -m pip install --quiet '.[postgres,installer]'
if [ ! -f resources/icons/planning-workbench.ico ]; then
  step "Windows icon from the PNG (Pillow in build/tools, not in the bundle's venv)"
  $PYTHON -m venv build/tools
  build/tools/bin/python -m pip install --quiet 'pillow>=10,<14'
  build/tools/bin/python installers/make_icon.py
fi

step "PyInstaller one-folder bundle"
build/venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/planning-workbench.spec

# libpython from a pyenv or source build carries its symbol table (23 MB; 6 MB stripped).
# Only that file: stripping the wheels' patchelf-edited libraries breaks them.
for lib in "$bundle"/_internal/libpython3*.so*; do
  if [ -f "$lib" ] && [ ! -L "$lib" ] && command -v strip >/dev/null; then strip --strip-unneeded "$lib"; fi
done

step "smoke test of the bundle (offscreen, temporary database)"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$exe" --smoke
code=$?
set -e
echo "smoke exit code (offscreen): $code"
[ "$code" -eq 0 ] || { echo "the bundle failed its smoke test" >&2; exit 1; }

step "console executable: --help, --version, summary and exit codes"
# Both executables must sit beside one _internal/ (one COLLECT), not in two bundles.
test -x "$console" && test -d "$bundle/_internal" \
  || { echo "$console missing: the spec must build both executables" >&2; exit 1; }
expect() {  # expect CODE COMMAND...: run it, show its output, stop unless it exits CODE
  local want=$1; shift
  set +e; "$@"; local got=$?; set -e
  echo "-> exit code $got"
  [ "$got" -eq "$want" ] || { echo "expected exit code $want from: $*" >&2; exit 1; }
}
work=$(mktemp -d)
expect 0 "$console" --help
expect 0 "$console" --version
expect 0 "$console" demo --db "$work/plan.db"
expect 0 "$console" summary --db "$work/plan.db"
"$console" summary --db "$work/plan.db" | grep -q "Savings gap" \
  || { echo "summary printed no savings gap" >&2; exit 1; }
expect 0 "$console" export --template finance --out "$work/finance.xlsx" --db "$work/plan.db"
expect 0 "$console" import --check "$work/finance.xlsx" --db "$work/plan.db"
# The board paper: reportlab, its cairo renderer and the charts, all inside the bundle.
expect 0 "$console" report board --out "$work/board.pdf" --db "$work/plan.db"
head -c 5 "$work/board.pdf" | grep -q "%PDF-" || { echo "the board paper is not a PDF" >&2; exit 1; }
expect 0 "$console" report board --out "$work/board.docx" --db "$work/plan.db"
printf 'not a workbook\n' > "$work/not-a-workbook.xlsx"
expect 2 "$console" import --check "$work/not-a-workbook.xlsx" --db "$work/plan.db"
expect 2 "$console" import --check "$work/no-such.xlsx" --db "$work/plan.db"
expect 2 "$console" summary --db "$work/no-such.db"
expect 2 "$console" no-such-command
expect 0 env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$console" --smoke
rm -rf "$work"
grep -q "ProductVersion', '$version'" build/version-info/workbench.txt \
  || { echo "version resource does not carry $version" >&2; exit 1; }
echo "version resource (used on Windows): build/version-info/{planning-workbench,workbench}.txt"

if command -v xvfb-run >/dev/null; then
  step "smoke test on X11 (xcb platform plugin, under Xvfb)"
  env -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$exe" --smoke >/dev/null
  echo "smoke exit code (xcb): 0"
fi

if unshare --net true 2>/dev/null; then
  step "smoke test with no network (new network namespace)"
  unshare --net env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
    "$exe" --smoke >/dev/null
  echo "smoke exit code (no network): 0"
fi

step "data goes to the user's data folder, not beside the program"
home=$(mktemp -d)
before=$(cd "$bundle" && find . | sort | md5sum)
env -u WORKBENCH_DATA_DIR HOME="$home" XDG_DATA_HOME="$home/data" "$exe" demo >/dev/null
test -f "$home/data/PlanningWorkbench/planning-workbench.db" \
  || { echo "demo plan not in \$XDG_DATA_HOME/PlanningWorkbench" >&2; exit 1; }
after=$(cd "$bundle" && find . | sort | md5sum)
[ "$before" = "$after" ] || { echo "running the app changed files in $bundle" >&2; exit 1; }
echo "demo plan written to \$XDG_DATA_HOME/PlanningWorkbench/planning-workbench.db; bundle unchanged"
rm -rf "$home"

step "Linux packages"
tarball=dist/planning-workbench-$version-linux-x86_64.tar.gz
tar -C dist -czf "$tarball" planning-workbench
bash installers/linux/make_deb.sh "$version"

step "done"
du -sh "$bundle" "$tarball" "dist/planning-workbench_${version}_amd64.deb"
ls -l "$exe" "$console"
echo "make installer took $((SECONDS - start)) s"
