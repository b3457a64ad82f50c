"""Where a sample lives inside the output root, for each supported folder layout.

- ``vbvr`` (default, DESIGN.md "One sample on disk"): ``<KEY>/<index:08d>/``;
- ``vbvr-bench`` (the public VBVR-Bench data, DESIGN.md "Interop"):
  ``In-Domain_50|Out-of-Domain_50/<KEY>_data-generator/<index:05d>/`` for splits ``test-id`` / ``test-ood``
  (``<KEY>`` in the benchmark's own spelling, :func:`~vbvr_core.contract.keys.official_name`).

Every path is built from a validated task key and an integer index only, so no registry string can
steer a write outside the output root.
"""

from __future__ import annotations

from vbvr_core.contract.keys import official_name, validate_key
from vbvr_core.pipeline.sample_io import sample_name

LAYOUTS: tuple[str, ...] = ("vbvr", "vbvr-bench")
BENCH_SPLIT_FOLDERS = {"test-id": "In-Domain_50", "test-ood": "Out-of-Domain_50"}
BENCH_TASK_SUFFIX = "_data-generator"
BENCH_MAX_COUNT = 100_000  # five-digit sample folders


class LayoutError(ValueError):
    """A task that the chosen layout cannot hold (says which and what to change)."""


def check_layout(layout: str, key: str, split: str, count: int) -> None:
    """Raise :class:`LayoutError` if ``layout`` cannot hold ``count`` samples of ``key`` in ``split``."""
    if layout not in LAYOUTS:
        raise LayoutError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    if layout == "vbvr-bench":
        if split not in BENCH_SPLIT_FOLDERS:
            raise LayoutError(f"{key}: split {split!r} has no place in the vbvr-bench layout, which holds the test "
                              "splits test-id and test-ood only; run a test preset or use --layout vbvr")
        if count > BENCH_MAX_COUNT:
            raise LayoutError(f"{key}: the vbvr-bench layout numbers samples with five digits, so at most "
                              f"{BENCH_MAX_COUNT} per task; lower the count or use --layout vbvr")


def task_dir(layout: str, key: str, split: str) -> str:
    """The folder (relative, '/'-separated) that holds every sample of ``key``."""
    validate_key(key)
    if layout == "vbvr-bench":
        return f"{BENCH_SPLIT_FOLDERS[split]}/{official_name(key)}{BENCH_TASK_SUFFIX}"
    return key


def sample_dir(layout: str, key: str, split: str, index: int) -> str:
    """The folder (relative, '/'-separated) of sample ``index`` of ``key``."""
    name = sample_name(index)  # validates the index
    return f"{task_dir(layout, key, split)}/{name[-5:] if layout == 'vbvr-bench' else name}"
