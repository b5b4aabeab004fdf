"""Measure the shape of the house (issue 18's acceptance instruments): the package's import graph (top-level and
function-level imports: cycles, and imports of a later pipeline stage), the size of exported notebook cells, and the
number of `Config` fields. Prints the figures; `--strict` exits 1 unless every acceptance bound of issue 18 holds
(no cycle, no later-stage import, longest exported cell <= 60 lines, median <= 20).

    python .ci/structure.py [--strict] [--root .]
"""
from __future__ import annotations

import argparse
import ast
import json
import statistics
import sys
from pathlib import Path

from occlusion_fr.provenance import PACKAGE as PKG, import_cycles, import_graph, later_stage_imports, module_stages


def exported_cells(root: Path) -> list[tuple[str, int, int]]:
    "(notebook, cell index, lines) of every `#| export`/`#| exports` cell."
    out = []
    for nb in sorted((root/"nbs").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(nb.read_text())["cells"]):
            src = "".join(cell["source"]).splitlines()
            if cell["cell_type"] == "code" and src and src[0].replace(" ", "") in ("#|export", "#|exports"):
                out.append((nb.name, i, len(src) - 1))
    return out


def config_fields(root: Path) -> int:
    tree = ast.parse((root/PKG/"config.py").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Config")
    return sum(isinstance(n, ast.AnnAssign) for n in cls.body)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--strict", action="store_true", help="exit 1 unless every bound of issue 18 holds")
    args = ap.parse_args(argv)
    root = Path(args.root).resolve()
    graph, stages = import_graph(root/PKG), module_stages(root)
    cyc, later = import_cycles(graph), later_stage_imports(graph, stages)
    cells = exported_cells(root)
    sizes = [n for *_, n in cells]
    med, longest = statistics.median(sizes), max(sizes)
    n_lazy = sum(not top for edges in graph.values() for top in edges.values())
    print(f"import graph: {len(graph)} modules, {sum(map(len, graph.values()))} package imports "
          f"({n_lazy} inside functions)")
    print(f"cycles: {len(cyc)}")
    for c in cyc: print("  " + " ⇄ ".join(c))
    print(f"imports of a later pipeline stage: {len(later)}")
    for a, b, sa, sb, top in later: print(f"  {a} ({sa}) -> {b} ({sb}){'' if top else ', inside a function'}")
    print(f"exported cells: {len(cells)}, lines median {med:g}, longest {longest}, "
          f"over 60 lines {sum(n > 60 for n in sizes)}, 100 or more {sum(n >= 100 for n in sizes)}")
    for nb, i, n in sorted(cells, key=lambda c: -c[2])[:5]: print(f"  {n:4d} lines  {nb} cell {i}")
    print(f"Config fields: {config_fields(root)}")
    ok = not cyc and not later and longest <= 60 and med <= 20
    print("issue 18 bounds:", "met" if ok else "not met (no cycle, no later-stage import, longest <= 60, median <= 20)")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
