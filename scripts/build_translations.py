"""Rebuild designer/ui/translations/shosho_ja.ts and .qm.

pyside6-lupdate collects every tr() string from designer/ui; the Japanese text comes from
designer/ui/translations/ja.tsv and ja-*.tsv (English<TAB>Japanese, one per line; a line break inside a
source string is written as \\n). pyside6-lrelease compiles the .qm the program loads.
    .venv/bin/python scripts/build_translations.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UI = REPO / "designer" / "ui"
FOLDER = UI / "translations"
BIN = Path(sys.executable).parent


def main() -> int:
    ts = FOLDER / "shosho_ja.ts"
    sources = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts.relative_to(UI))], cwd=UI, check=True
    )
    table = {}
    tables = [FOLDER / "ja.tsv", *sorted(FOLDER.glob("ja-*.tsv"))]  # one file per window group
    lines = [line for path in tables for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if "\t" in line:
            english, japanese = line.split("\t", 1)
            table[english.replace("\\n", "\n")] = japanese.replace("\\n", "\n")
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )
    for source in missing:
        print(f"untranslated: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
