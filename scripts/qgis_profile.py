"""Make a throw-away QGIS profile folder with ORCA HUNTR installed and enabled.

    python scripts/qgis_profile.py --profiles build/profiles --link
    qgis --profiles-path build/profiles

``--link`` symlinks this checkout as ``orca_huntr``; ``--source DIR`` links another
folder (an unzipped package, say); ``--copy`` copies instead of linking.
"""

from __future__ import annotations

import argparse
import configparser
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "orca_huntr"


def make_profile(profiles: Path, source: Path = ROOT, copy: bool = False) -> Path:
    """Create ``profiles/profiles/default`` with the plugin enabled; return the profile dir."""
    profile = profiles / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / PLUGIN
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)
    if copy:
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(".venv", ".git", ".pkg", "__pycache__"))
    else:
        target.symlink_to(source.resolve(), target_is_directory=True)
    ini_path = profile / "QGIS" / "QGIS3.ini"
    ini_path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.RawConfigParser()
    ini.optionxform = str  # keep key case
    if ini_path.exists():
        ini.read(ini_path)
    values = {
        "PythonPlugins": {PLUGIN: "true"},
        "qgis": {"checkVersion": "false", "showTips322": "false", "allowVersionCheck": "false"},
        "migration": {"fileVersion": "3", "settings": "true"},
        "core": {"Layout": "default"},
    }
    for section, kv in values.items():
        if not ini.has_section(section):
            ini.add_section(section)
        for k, v in kv.items():
            ini.set(section, k, v)
    with ini_path.open("w") as fh:
        ini.write(fh, space_around_delimiters=False)
    return profile


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--profiles", type=Path, default=ROOT / "build" / "profiles")
    parser.add_argument("--source", type=Path, default=ROOT)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--link", action="store_true", help="symlink the plugin (default)")
    group.add_argument("--copy", action="store_true", help="copy the plugin")
    args = parser.parse_args()
    profile = make_profile(args.profiles, args.source, copy=args.copy)
    print(profile)


if __name__ == "__main__":
    main()
