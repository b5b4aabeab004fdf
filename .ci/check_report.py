"""CI check of what `make reproduce` wrote: the report holds every table (none listed as missing), the stage list with
every stage run or up to date, and every figure as HTML, PNG and SVG.
Usage: python .ci/check_report.py [--outputs outputs] [--profile smoke] [--static]"""
import argparse, json, re
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("--outputs", default="outputs"); ap.add_argument("--profile", default="smoke")
ap.add_argument("--static", action="store_true", help="also require a PNG and an SVG of every figure")
a = ap.parse_args()
out = Path(a.outputs)
r = json.loads((out/"report.json").read_text()); doc = (out/"report.html").read_text()
need = [f"table{i}" for i in range(1, 9)] + ["slice", "beyond", "claims", "appendix"]   # beyond: the identity experiment
assert not r["missing"], f"report lists as missing: {r['missing']}"
absent = [t for t in need if not re.search(rf'id="?{t}"?[ >]', doc)]
assert not absent, f"no section for {absent} in report.html"
rep = json.loads((out/"executed"/a.profile/"reproduce.json").read_text())
bad = [s for s in rep["stages"] if s["status"] not in ("ran", "up to date")]
assert not bad and len(rep["stages"]) >= 13, bad
assert "How this report was made" in doc
figs = sorted((out/"figures").glob("*.json"))
assert len(figs) >= 20, f"only {len(figs)} figures"
iframes = doc.count("<iframe")
assert iframes == 0, f"{iframes} iframes: the report must be self-contained"
inline = doc.count("data:image/png")
if a.static:
    has = lambda f: f.is_file() and f.stat().st_size > 0
    no = [f.stem for f in figs if not (has(f.with_suffix(".png")) and has(f.with_suffix(".svg")))]
    assert not no, f"figures without PNG/SVG: {no}"
    assert inline >= 15, f"only {inline} static figures embedded"
print(f"report: {len(need)} sections present, {inline} static figures embedded, {len(figs)} figures"
      + (" each as HTML/PNG/SVG" if a.static else "") + "; stages: "
      + ", ".join(f"{s['stage']} {s['status']} {s['seconds'] or 0:.0f} s" for s in rep["stages"]))
