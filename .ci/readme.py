#!/usr/bin/env python
"""README.md is generated from nbs/index.ipynb (nbdev's rule) without Quarto: markdown cells verbatim,
code cells as ```python blocks. `--check` exits 1 when README.md is out of date."""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]
nb = json.loads((root/"nbs"/"index.ipynb").read_text())
parts = []
for c in nb["cells"]:
    src = "".join(c["source"]).strip()
    if not src or src.startswith("#| hide") or src.startswith("#|hide"): continue
    if c["cell_type"] == "markdown": parts.append(src)
    elif c["cell_type"] == "code":
        lines = [l for l in src.splitlines() if not l.startswith("#|")]
        parts.append("```python\n" + "\n".join(lines) + "\n```")
text = ("<!-- generated from nbs/index.ipynb by `make readme`: edit the notebook, not this file -->\n\n"
        + "\n\n".join(parts) + "\n")
readme = root/"README.md"
if "--check" in sys.argv:
    if readme.read_text() != text:
        print("README.md is out of date with nbs/index.ipynb: run `make readme` and commit."); sys.exit(1)
    print("README.md is in sync with nbs/index.ipynb")
else:
    readme.write_text(text); print(f"wrote {readme}")
