"""Tag the example-as-test cells of the pipeline notebooks `skip-execution`, or check that they are tagged.

The pipeline notebooks (01_data, 02_occlusion, 04_train, 08_evaluate) are both the library's source and experiments
that papermill runs on real data. Their example-as-test cells (fixtures, `test_eq`, `test_close`, ...) are the tests:
`nbdev_test` runs every cell (it ignores cell tags), while papermill and nbclient skip a cell tagged `skip-execution`.
So the pipeline spends no time on fixtures (about 95 s per run of 04_train) and the tests stay where they are.

A cell is an example when it comes after the `parameters` cell and before the notebook's run section (`## Run` or
`## Train`), is not exported (`#| export`), is not setup (`IN_TEST = ...`, `notebook_setup()`, imports only), and is not
guarded by a parameter (`if benchmark:`, which `papermill -p benchmark True` runs).
Usage: python .ci/tag_examples.py [--check]"""
import argparse, json, re, sys
from pathlib import Path

PIPELINE = ("01_data", "02_occlusion", "04_train", "08_evaluate")
TAG = "skip-execution"
RUN_HEADING = re.compile(r"^## (Run|Train)\b")
EXPORTED = re.compile(r"^#\|\s*export")

def _code_lines(src: str) -> list[str]: return [l for l in src.splitlines() if l.strip() and not l.lstrip().startswith("#")]

def _is_setup(src: str) -> bool:
    return "IN_TEST =" in src or "notebook_setup(" in src or all(re.match(r"(import|from)\s", l) for l in _code_lines(src))

def _params(src: str) -> set[str]: return set(re.findall(r"^(\w+)\s*=", src, re.M))

def _is_guarded(src: str, params: set[str]) -> bool:
    "A cell that runs only when a parameter asks for it (`if benchmark:`): papermill -p benchmark True runs it."
    code = _code_lines(src)
    m = re.match(r"if (\w+):", code[0]) if code else None
    return bool(m) and m.group(1) in params

def example_cells(cells: list) -> list[int]:
    "Indices of the example-as-test cells of a pipeline notebook."
    src = ["".join(c["source"]) for c in cells]
    start = next(i for i, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", []))
    params = _params(src[start])
    run = max(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and RUN_HEADING.match(src[i]))
    return [i for i in range(start + 1, run) if cells[i]["cell_type"] == "code" and not EXPORTED.match(src[i])
            and not _is_setup(src[i]) and not _is_guarded(src[i], params)]

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report notebooks whose tags differ; exit 1 if any")
    a = ap.parse_args()
    root = Path(__file__).resolve().parent.parent/"nbs"
    wrong = []
    for name in PIPELINE:
        path = root/f"{name}.ipynb"
        nb = json.loads(path.read_text())
        want = set(example_cells(nb["cells"]))
        changed = [i for i, c in enumerate(nb["cells"]) if (i in want) != (TAG in c["metadata"].get("tags", []))]
        wrong += [f"{path.name} cell {i}" for i in changed]
        if a.check or not changed: continue
        for i in changed:
            md = nb["cells"][i]["metadata"]
            tags = [t for t in md.get("tags", []) if t != TAG] + ([TAG] if i in want else [])
            if tags: md["tags"] = tags
            else: md.pop("tags", None)
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    if a.check and wrong:
        print(f"example cells not tagged {TAG} (or tagged wrongly): {', '.join(wrong)}; run python .ci/tag_examples.py")
        return 1
    print(f"{'checked' if a.check else 'tagged'}: {len(PIPELINE)} pipeline notebooks" + (f", {len(wrong)} cells changed" if wrong and not a.check else ""))
    return 0

if __name__ == "__main__":
    sys.exit(main())
