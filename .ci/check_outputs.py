#!/usr/bin/env python
"""Check what the main job (`make reproduce`) wrote: every identity line in the manifest, FTA reported,
splits identity-disjoint, CelebA-C (both variants) complete with valid masks, executed notebooks present."""
import argparse, sys
from pathlib import Path

import cv2
import numpy as np
import pandas as pd

from occlusion_fr.config import Config
from occlusion_fr.data import LM_ALN_COLS, check_identity_disjoint, read_manifest, read_rgb
from occlusion_fr.occlusion import occlude

ap = argparse.ArgumentParser()
ap.add_argument("--profile", default="smoke")
ap.add_argument("--expect-images", type=int, required=True)
ap.add_argument("--slice", action="store_true", help="also check the trained generator and the evaluation table")
ap.add_argument("--arch", default="vnet")
a = ap.parse_args()
cfg = Config.from_profile(a.profile)
problems = []
def need(cond, msg):
    print(("ok    " if cond else "FAIL  ") + msg)
    if not cond: problems.append(msg)

m = read_manifest(cfg)
need(len(m) == a.expect_images, f"manifest has {len(m)} rows (expected {a.expect_images})")
need(m.status.notna().all(), "every row has a status")
check_identity_disjoint(m); need(True, f"splits identity-disjoint: {m.groupby('split').identity.nunique().to_dict()}")
rep = pd.read_csv(cfg.aligned_dir()/"fta_report.csv").set_index("split")
need("fta" in rep.columns and rep.loc["all", "images"] == a.expect_images, f"FTA report: {int(rep.loc['all','fta'])} FTA ({100*rep.loc['all','fta_rate']:.2f} %)")
ok = m[m.status == "ok"]
need(all((cfg.aligned_dir()/p).is_file() for p in ok.aligned), f"{len(ok)} aligned faces on disk")
for variant in ("paper", "authors-code"):
    d = cfg.celeba_c_dir(variant, cfg.seed)
    meta = pd.read_csv(d/"metadata.csv", dtype={"image_id": str})
    need(set(meta.image_id) == set(ok.image_id), f"CelebA-C {variant}: {len(meta)} images = faces prepared")
    need(all((d/p).is_file() for p in meta.occluded) and all((d/p).is_file() for p in meta["mask"]), f"CelebA-C {variant}: files on disk")
    mk = cv2.imread(str(d/meta["mask"].iloc[0]), cv2.IMREAD_UNCHANGED)
    need(mk.ndim == 2 and set(np.unique(mk)) <= {0, 255} and mk.shape == (cfg.image_size,)*2, f"CelebA-C {variant}: single-channel 0/255 masks")
    same = 0
    for r in meta.sample(min(25, len(meta)), random_state=0).to_dict("records"):   # regenerate: identical pixels
        face = read_rgb(cfg.aligned_dir()/r["aligned"]); lm = ok.set_index("image_id").loc[r["image_id"], LM_ALN_COLS]
        occ, mask, _ = occlude(face, r["image_id"], cfg.seed, variant, lm.to_numpy(np.float32).reshape(5, 2))
        same += np.array_equal(occ, read_rgb(d/r["occluded"])) and np.array_equal(mask, cv2.imread(str(d/r["mask"]), cv2.IMREAD_UNCHANGED))
    need(same == min(25, len(meta)), f"CelebA-C {variant}: {same} sampled images regenerate pixel-identical")
    print(f"      coverage [{variant}] mean {meta.coverage.mean():.2f} %, min {meta.coverage.min():.2f} %, max {meta.coverage.max():.2f} %")
for nb in ("01_data", "02_occlusion"):
    need((cfg.output_path/"executed"/f"{nb}-{a.profile}.ipynb").is_file(), f"executed notebook {nb}-{a.profile}.ipynb")
if a.slice:
    cfg = Config.from_profile(a.profile, arch=a.arch)
    from occlusion_fr.train import run_dir
    run = run_dir(cfg)
    hist = pd.read_csv(run/"history.csv")
    need(len(hist) == cfg.epochs and (run/"generator.safetensors").is_file() and (run/"last.pt").is_file(),
         f"training run {run.name}: {len(hist)}/{cfg.epochs} epochs, generator and checkpoint written")
    last = hist.iloc[-1]
    print(f"      last epoch: val PSNR {last.val_psnr:.2f} dB (damaged {last.damaged_psnr:.2f}), SSIM {last.val_ssim:.4f}, "
          f"{last.train_images_per_s:.2f} train img/s")
    from occlusion_fr.train import load_generator
    import torch
    g, meta = load_generator(run/"generator.safetensors")
    x = torch.rand(2, 3, cfg.image_size, cfg.image_size)
    with torch.no_grad(): y = g(x)
    need(y.shape == x.shape and float(y.min()) >= 0 and float(y.max()) <= 1, f"generator loads ({meta['arch']}), output in [0, 1]")
    t = pd.read_csv(cfg.output_path/"tables"/"slice.csv").set_index("condition")
    need(list(t.index) == ["Original", "Damaged", "Reconstructed", "Inpainted"] and t[["tpr", "fpr", "eer"]].notna().all().all(),
         "slice table: 4 conditions with verification figures")
    need(t.loc[["Damaged", "Reconstructed", "Inpainted"], ["psnr", "ssim"]].notna().all().all(), "slice table: PSNR/SSIM per condition")
    print(t[["psnr", "ssim", "psnr_hole", "acc", "tpr", "fpr", "tar@far=0.01", "eer"]].round(4).to_string())
    need((cfg.output_path/"tables"/"slice.md").is_file() and (cfg.output_path/"figures"/"slice_roc.html").is_file(), "slice.md and ROC figure written")
    for nb in (f"04_train-{a.arch}", f"08_evaluate-{a.arch}"):
        need((cfg.output_path/"executed"/f"{nb}-{a.profile}.ipynb").is_file(), f"executed notebook {nb}-{a.profile}.ipynb")
sys.exit(1 if problems else 0)
