"""Check the Inno Setup script as far as a machine without Windows can.

    python installers/check_windows.py [installers/windows/planning-workbench.iss]

Prints one line per problem and exits 1 if there are any. It reads the script the way the
Inno Setup compiler would for what it checks (sections, `Key=Value` directives, `Param:
value; ...` entries, `#define` and `{#Name}`), then checks:

- the sections an installer needs ([Setup], [Files], [Icons]) and the [Setup] directives;
- AppId is a GUID (written `{{GUID}`, as Inno Setup escapes the brace);
- PrivilegesRequired=lowest, a default folder the user can write to, and no constant,
  registry root or flag that needs administrator rights;
- the all-users mode for system-context deployment: /ALLUSERS allowed on the command line,
  the folder and shortcuts follow the install mode ({autopf}, {autoprograms}), no entry
  names the installing account's own profile ({userdocs}, {localappdata}, ...: SYSTEM's
  under Intune or SCCM), and [Code] refuses a per-user install as SYSTEM;
- signing hooks: SignTool and SignedUninstaller=yes, only under `#ifdef SignTool` (so an
  unsigned build still compiles);
- every Source file or folder exists in the repository, or is part of the PyInstaller
  one-folder layout the spec produces on Windows (dist/<name>/<exe>.exe for each of the
  spec's two executables, and dist/<name>/_internal/), which cannot be built here; both
  executables are installed;
- the set-up icon exists and is an .ico; shortcuts, [Run] and the uninstall icon point at a
  file the script installs; a Start-menu shortcut exists;
- the version comes from `/DAppVersion=` (guarded by #ifndef ... #error) and pyproject's
  version is one VersionInfoVersion accepts;
- deletions stay inside {app}, so the user's data folder is never removed.

Standard library only.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ISS = ROOT / "installers" / "windows" / "planning-workbench.iss"
SPEC = ROOT / "installers" / "planning-workbench.spec"

GUID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")
REQUIRED_SETUP = ("AppId", "AppName", "AppVersion", "DefaultDirName", "PrivilegesRequired",
                  "OutputBaseFilename", "SetupIconFile", "UninstallDisplayIcon")
# Folders only an administrator can write to. ({autopf}, {autoprograms}, {autodesktop} and
# {group} follow the install mode, so they are per-user under PrivilegesRequired=lowest.)
ADMIN_CONSTANTS = ("{commonpf}", "{commonpf32}", "{commonpf64}", "{pf}", "{pf32}", "{pf64}",
                   "{commonprograms}", "{commondesktop}", "{commonstartup}", "{commonstartmenu}",
                   "{commonappdata}", "{commondocs}", "{commontemplates}", "{commonfavorites}",
                   "{commoncf}", "{commoncf32}", "{commoncf64}", "{cf}", "{cf32}", "{cf64}",
                   "{sys}", "{sysnative}", "{syswow64}", "{win}", "{dao}", "{fonts}")
ADMIN_ROOTS = ("HKLM", "HKEY_LOCAL_MACHINE", "HKCR", "HKEY_CLASSES_ROOT", "HKLM32", "HKLM64")
ADMIN_FLAGS = ("regserver", "regtypelib", "sharedfile", "restartreplace", "uninsrestartdelete")
START_MENU = ("{autoprograms}", "{group}", "{userprograms}", "{autostartmenu}",
              "{userstartmenu}")
# {autopf} is %LOCALAPPDATA%\Programs per user and Program Files for all users: the only
# default folder right in both modes.
PER_USER_DIRS = ("{autopf}",)
# The installing account's own folders. In an all-users install run by Intune or SCCM that
# account is SYSTEM, so files, shortcuts or working folders there reach no user.
INSTALLER_ACCOUNT_CONSTANTS = (
    "{userdocs}", "{userappdata}", "{localappdata}", "{userdesktop}", "{userprograms}",
    "{userstartmenu}", "{userstartup}", "{userpf}", "{usercf}", "{usertemplates}",
    "{userfavorites}", "{usersavedgames}", "{sendto}")


@dataclass
class Script:
    """An Inno Setup script as read: [Setup] directives, section entries, #defines."""

    setup: dict[str, str] = field(default_factory=dict)  # raw values ({#Name} unexpanded)
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # by lower name
    titles: dict[str, str] = field(default_factory=dict)  # lower name -> as written
    defines: dict[str, str] = field(default_factory=dict)
    guards: dict[str, bool] = field(default_factory=dict)  # #ifndef NAME ... has #error
    conditional: dict[str, str] = field(default_factory=dict)  # [Setup] key -> its #ifdef
    code: str = ""  # the [Code] section's text
    problems: list[str] = field(default_factory=list)

    def expand(self, value: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: self.defines.get(m.group(1), m.group(0)), value)


def split_params(line: str) -> dict[str, str]:
    """`Name: "a; b"; Flags: x y` -> {"Name": "a; b", "Flags": "x y"} (quotes as Inno reads)."""
    params: dict[str, str] = {}
    parts, current, quoted, i = [], [], False, 0
    while i < len(line):
        char = line[i]
        if char == '"':
            if quoted and line[i + 1:i + 2] == '"':
                current.append('"')
                i += 2
                continue
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    for part in parts:
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        if not sep:
            raise ValueError(f"not a 'Param: value' pair: {part.strip()!r}")
        params[key.strip()] = value.strip()
    return params


def parse(text: str, version: str | None = None) -> Script:
    script = Script()
    if version is not None:
        script.defines["AppVersion"] = version
    section = None
    open_guard: str | None = None
    open_ifdef: str | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            directive, _, rest = line[1:].partition(" ")
            rest = rest.strip()
            if directive == "define":
                name, _, value = rest.partition(" ")
                value = value.strip()
                if len(value) >= 2 and value[0] == value[-1] == '"':
                    value = value[1:-1]
                script.defines.setdefault(name, value)
            elif directive == "ifndef":
                open_guard = rest
                script.guards[rest] = False
            elif directive == "ifdef":
                open_ifdef = rest
            elif directive == "error" and open_guard:
                script.guards[open_guard] = True
            elif directive == "endif":
                open_guard = open_ifdef = None
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            section = match.group(1).lower()
            script.sections.setdefault(section, [])
            script.titles.setdefault(section, match.group(1))
            continue
        if section is None:
            script.problems.append(f"line {number}: text before the first section: {line!r}")
        elif section == "setup":
            key, sep, value = line.partition("=")
            if not sep:
                script.problems.append(f"line {number}: [Setup] line is not Key=Value: {line!r}")
            else:
                script.setup[key.strip()] = value.strip()
                if open_ifdef:
                    script.conditional[key.strip()] = open_ifdef
        elif section == "code":
            if not line.startswith("//"):  # the code itself, not what its comments say
                script.code += raw + "\n"
            continue
        else:
            try:
                script.sections[section].append(split_params(line))
            except ValueError as exc:
                script.problems.append(f"line {number}: [{script.titles[section]}] {exc}")
    return script


def spec_name(spec: Path = SPEC) -> str:
    """The bundle's name in the PyInstaller spec (NAME = "...", one-folder COLLECT)."""
    return spec_layout(spec)[0]


def spec_layout(spec: Path = SPEC) -> tuple[str, list[str]]:
    """(bundle name, executables) of the PyInstaller spec: NAME, the windowed app, and
    CONSOLE_NAME, the console one, both EXEs collected into the one folder NAME."""
    text = spec.read_text(encoding="utf-8")
    names = dict(re.findall(r'^(NAME|CONSOLE_NAME)\s*=\s*"([^"]+)"', text, re.MULTILINE))
    if "NAME" not in names or "COLLECT(" not in text or "exclude_binaries=True" not in text:
        raise ValueError(f"{spec.name} is not a one-folder build with NAME = \"...\"")
    if "CONSOLE_NAME" not in names:
        raise ValueError(f"{spec.name} has no CONSOLE_NAME: IT needs a console executable")
    collect = re.search(r"COLLECT\(([^)]*)\)", text)
    windowed = re.search(r"(\w+)\s*=\s*\w+\(\s*NAME\s*,[^)]*console\s*=\s*False", text)
    console = re.search(r"(\w+)\s*=\s*\w+\(\s*CONSOLE_NAME\s*,[^)]*console\s*=\s*True", text)
    if not (windowed and console):
        raise ValueError(f"{spec.name} must build NAME with console=False and CONSOLE_NAME "
                         "with console=True")
    collected = {arg.strip() for arg in collect.group(1).split(",")} if collect else set()
    for exe in (windowed, console):
        if exe.group(1) not in collected:
            raise ValueError(f"{spec.name}: {exe.group(1)} is not in the one COLLECT, so it "
                             "would not share _internal")
    return names["NAME"], [names["NAME"], names["CONSOLE_NAME"]]


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def check_text(text: str, script_dir: Path, root: Path = ROOT, spec: Path = SPEC) -> list[str]:
    """Every problem found in the script `text`, read as if it were a file in `script_dir`."""
    version = tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]
    script = parse(text, version)
    problems = list(script.problems)
    setup = script.setup
    try:
        name, executables = spec_layout(spec)
    except (OSError, ValueError) as exc:
        return [*problems, f"PyInstaller spec: {exc}"]
    bundle = f"dist/{name}"
    layout_files = {f"{bundle}/{exe}.exe" for exe in executables}
    layout_dirs = {bundle, f"{bundle}/_internal"}

    for section in ("setup", "files", "icons"):
        if section not in script.sections:
            problems.append(f"no [{section.capitalize()}] section")
    for key in REQUIRED_SETUP:
        if key not in setup:
            problems.append(f"[Setup] has no {key}")

    app_id = setup.get("AppId", "")
    if app_id:
        inner = app_id[2:-1] if app_id.startswith("{{") and app_id.endswith("}") else None
        if inner is None or not GUID.match(inner):
            problems.append(f"AppId {app_id!r} is not a GUID written {{{{XXXXXXXX-...}}")

    privileges = setup.get("PrivilegesRequired", "")
    if privileges and privileges.lower() != "lowest":
        problems.append(f"PrivilegesRequired={privileges}: must be lowest (no admin rights)")
    default_dir = setup.get("DefaultDirName", "")
    if default_dir and not default_dir.lower().startswith(PER_USER_DIRS):
        problems.append(f"DefaultDirName={default_dir} is not a per-user folder "
                        f"({', '.join(PER_USER_DIRS)})")
    overrides = setup.get("PrivilegesRequiredOverridesAllowed", "").lower().split()
    if "commandline" not in overrides:
        problems.append("PrivilegesRequiredOverridesAllowed has no commandline: /ALLUSERS "
                        "(system-context deployment by Intune or SCCM) would be refused")
    if "systemprofile" not in script.code.lower() or "isadmininstallmode" not in \
            script.code.lower():
        problems.append("[Code] does not refuse a per-user install as SYSTEM (no "
                        "IsAdminInstallMode / systemprofile check): Setup run by Intune or "
                        "SCCM without /ALLUSERS would install into SYSTEM's profile")
    for section, entries in script.sections.items():
        for entry in entries:
            for param, value in entry.items():
                for constant in INSTALLER_ACCOUNT_CONSTANTS:
                    if constant in value.lower():
                        problems.append(
                            f"[{script.titles[section]}] {param}: {value} uses {constant}, the "
                            "installing account's folder (SYSTEM's in an all-users install)")
    if "SignTool" not in setup:
        problems.append("[Setup] has no SignTool hook: the trust's certificate cannot sign "
                        "the setup and uninstaller")
    else:
        if script.conditional.get("SignTool") != "SignTool":
            problems.append("SignTool= must sit under '#ifdef SignTool', so a build without "
                            "a certificate still compiles")
        if setup.get("SignedUninstaller", "").lower() not in ("yes", "true", "1"):
            problems.append("SignedUninstaller is not yes: the uninstaller would be unsigned")
    if "VersionInfoVersion" in setup and "{#AppVersion}" not in setup["VersionInfoVersion"]:
        problems.append("VersionInfoVersion does not use {#AppVersion}")
    lowered = text.lower()
    for constant in ADMIN_CONSTANTS:
        if constant in lowered:
            problems.append(f"{constant} needs administrator rights")
    for entry in script.sections.get("registry", []):
        if entry.get("Root", "").upper() in ADMIN_ROOTS:
            problems.append(f"[Registry] Root: {entry['Root']} needs administrator rights")
    for section, entries in script.sections.items():
        for entry in entries:
            flags = entry.get("Flags", "").lower().split()
            for flag in ADMIN_FLAGS:
                if flag in flags:
                    problems.append(f"[{script.titles[section]}] flag {flag} needs "
                                    "administrator rights")

    if not script.guards.get("AppVersion"):
        problems.append("no '#ifndef AppVersion' ... '#error' guard: iscc without "
                        "/DAppVersion= would build an installer with no version")
    for key in ("AppVersion", "OutputBaseFilename"):
        if key in setup and "{#AppVersion}" not in setup[key]:
            problems.append(f"{key}={setup[key]} does not use {{#AppVersion}}")
    if "{#AppVersion}" in setup.get("VersionInfoVersion", "") and not re.fullmatch(
            r"\d+(\.\d+){0,3}", version):
        problems.append(f"pyproject version {version!r} is not a VersionInfoVersion "
                        "(up to four numbers)")

    source_dir = script_dir / script.expand(setup["SourceDir"]).replace("\\", "/") \
        if "SourceDir" in setup else script_dir

    def locate(value: str) -> tuple[Path, str]:
        path = source_dir / script.expand(value).replace("\\", "/")
        return path, _rel(path, root)

    def exists(value: str, *, folder: bool = False) -> bool:
        path, rel = locate(value)
        if folder:
            return path.is_dir() or rel in layout_dirs
        return path.is_file() or rel in layout_files

    icon = setup.get("SetupIconFile")
    if icon:
        path, rel = locate(icon)
        if not path.is_file():
            problems.append(f"SetupIconFile {rel} does not exist")
        elif path.read_bytes()[:4] != b"\x00\x00\x01\x00":
            problems.append(f"SetupIconFile {rel} is not an .ico file")

    installed: set[str] = set()  # files under {app}, as written in the script
    installed_dirs: set[str] = set()  # folders under {app} filled by a wildcard
    for entry in script.sections.get("files", []):
        source = entry.get("Source")
        if source is None:
            problems.append(f"[Files] entry without Source: {entry}")
            continue
        if source.startswith("compiler:"):
            continue
        expanded = script.expand(source).replace("\\", "/")
        dest = script.expand(entry.get("DestDir", "")).replace("/", "\\").rstrip("\\")
        if "*" in expanded or "?" in expanded:
            folder = str(PurePosixPath(expanded).parent)
            if not exists(folder, folder=True):
                problems.append(f"[Files] Source {source}: folder {locate(folder)[1]} does not "
                                "exist and is not part of the PyInstaller bundle")
            installed_dirs.add(dest.lower())
        else:
            if not exists(expanded):
                problems.append(f"[Files] Source {source}: {locate(expanded)[1]} does not exist "
                                "and is not part of the PyInstaller bundle")
            target = entry.get("DestName") or PurePosixPath(expanded).name
            installed.add(f"{dest}\\{script.expand(target)}".lower())

    for exe in executables:
        if f"{{app}}\\{exe}.exe".lower() not in installed:
            problems.append(f"[Files] does not install {exe}.exe into {{app}} (the spec "
                            "builds it)")

    def is_installed(filename: str) -> bool:
        target = script.expand(filename).replace("/", "\\").lower()
        return target in installed or any(target.startswith(folder + "\\")
                                          for folder in installed_dirs)

    icons = script.sections.get("icons", [])
    if "icons" in script.sections and not any(
            entry.get("Name", "").lower().startswith(START_MENU) for entry in icons):
        problems.append("[Icons] has no Start-menu shortcut ({autoprograms} or {group})")
    for section in ("icons", "run"):
        for entry in script.sections.get(section, []):
            filename = entry.get("Filename", "")
            if filename.lower().startswith("{app}") and not is_installed(filename):
                problems.append(f"[{script.titles[section]}] {filename} is not installed by "
                                "[Files]")
    uninstall_icon = setup.get("UninstallDisplayIcon", "")
    if uninstall_icon.lower().startswith("{app}") and not is_installed(uninstall_icon):
        problems.append(f"UninstallDisplayIcon {uninstall_icon} is not installed by [Files]")
    if setup.get("Uninstallable", "yes").lower() in ("no", "false", "0"):
        problems.append("Uninstallable=no: the install would have no uninstaller")

    for section in ("installdelete", "uninstalldelete"):
        for entry in script.sections.get(section, []):
            target = entry.get("Name", "")
            if not target.lower().startswith("{app}\\"):
                problems.append(f"[{script.titles[section]}] deletes {target}, outside the "
                                "program folder (user data must survive install and uninstall)")
    return problems


def check(iss: Path = DEFAULT_ISS, root: Path = ROOT, spec: Path = SPEC) -> list[str]:
    """Every problem found in the Inno Setup script file `iss`."""
    return check_text(iss.read_text(encoding="utf-8"), iss.resolve().parent, root, spec)


def main(argv: list[str]) -> int:
    iss = Path(argv[0]) if argv else DEFAULT_ISS
    problems = check(iss)
    for problem in problems:
        print(f"{iss.name}: {problem}")
    if not problems:
        print(f"{iss.name}: no problems found")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
