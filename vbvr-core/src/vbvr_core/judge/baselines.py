"""Reference "models" every scorer must tell apart, written as videos from a saved sample.

- ``oracle``: the ground truth itself;
- ``static``: the first frame held for the ground truth's length (doing nothing);
- ``final``: the first frame, then a cut straight to the final frame (the answer without the process);
- ``noise``: uniform random pixels, seeded (at most two seconds: any length must be accepted);
- ``shuffle``: another sample's ground truth (a plausible video of the wrong instance).

Used by ``vbvr review``, ``vbvr-bench baseline`` and ``validate-scorers``, and by task tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from vbvr_core.media.video import probe_video, write_video
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, METADATA, VIDEO, load_record, read_png
from vbvr_core.pipeline.seeds import derive_seed, rng

BASELINES = ("oracle", "static", "final", "noise", "shuffle")
# Per-pixel noise is the costliest thing to encode; two seconds of it are as uninformative as ten.
NOISE_FRAMES = 48


def _video_shape(sample_dir: Path) -> tuple[int, int, int]:
    """(frames, height, width) of the sample's ground truth: from metadata.json, or from the video itself
    for samples that have none (the official VBVR-Bench ground truth)."""
    if (sample_dir / METADATA).is_file():
        video = load_record(sample_dir).video
        return max(2, video.frames), video.height, video.width
    facts = probe_video(sample_dir / VIDEO)
    return max(2, facts.frames), facts.height, facts.width


def write_baseline(kind: str, sample_dir: str | Path, dest: str | Path, other_sample_dir: str | Path | None = None) -> Path:
    """Write the ``kind`` baseline video for the sample in ``sample_dir`` to ``dest`` (an .mp4 path).

    ``shuffle`` needs ``other_sample_dir`` (a different sample of the same task).
    """
    sample_dir, dest = Path(sample_dir), Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if kind == "oracle":
        shutil.copyfile(sample_dir / VIDEO, dest)
    elif kind == "shuffle":
        if other_sample_dir is None:
            raise ValueError("the shuffle baseline needs another sample of the same task")
        shutil.copyfile(Path(other_sample_dir) / VIDEO, dest)
    elif kind in ("static", "final"):
        first = read_png(sample_dir / FIRST_FRAME)
        length = _video_shape(sample_dir)[0]
        final_path = sample_dir / FINAL_FRAME
        last = read_png(final_path) if kind == "final" and final_path.exists() else first
        cut = length // 2 if kind == "final" else length
        write_video(dest, (first if k < cut else last for k in range(length)))
    elif kind == "noise":
        length, height, width = _video_shape(sample_dir)
        generator = rng(derive_seed("noise", sample_dir.parent.name, sample_dir.name))
        frames = min(length, NOISE_FRAMES)
        write_video(dest, (generator.integers(0, 256, (height, width, 3), dtype=np.uint8) for _ in range(frames)))
    else:
        raise ValueError(f"unknown baseline {kind!r}; known: {', '.join(BASELINES)}")
    return dest
