"""The contract checks of the ``symbol_row`` tasks (a row of coloured glyphs edited symbol by symbol), on top of
:class:`~vbvr_core.testing.contract.SampleContract`::

    class TestContract(SymbolRowContract):
        key = "O-58_symbol_delete"

Adds, on the class's samples: the ground truth blurred (σ 1.5) and resized to each of ``variant_sizes`` scores
≥ 0.9 on the first ``variant_samples``; the ground truth at 8 fps (every third frame) scores ≥ 0.9 on the first
``eight_fps_samples``; each near miss named in ``end_checked_misses`` (``True``: all the generator declares), its
last frame held ``miss_padding`` more frames, scores ≤ 0.25 in value and in its ``end`` part on the first sample.
"""

from __future__ import annotations

from typing import ClassVar

import pytest

from vbvr_core.judge.alternatives import declared, recreate
from vbvr_core.judge.run import score_video
from vbvr_core.media.video import read_video, write_video
from vbvr_core.pipeline.sample_io import VIDEO
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames

VARIANT_MIN = 0.9
MISS_MAX = 0.25


class SymbolRowContract(SampleContract):
    """Set ``key``; the class attributes below say which samples, sizes and near misses the checks use."""

    count = 2
    seed = 0
    variant_sizes: ClassVar[tuple[tuple[int, int], ...]] = ((832, 480),)
    variant_samples: ClassVar[int] = 1
    eight_fps_samples: ClassVar[int] = 1
    end_checked_misses: ClassVar[tuple[str, ...] | bool] = True
    miss_padding: ClassVar[int] = 0

    def test_near_misses_score_low_to_the_end(self, samples, tmp_path):
        if not self.end_checked_misses:
            pytest.skip("no near miss named in end_checked_misses")
        made = recreate(samples[0], self.params)
        sources = declared(made.generator, made.sample, "near_misses")
        names = sorted(sources) if self.end_checked_misses is True else list(self.end_checked_misses)
        assert names, "end_checked_misses = True, but the generator declares no near miss for this sample"
        for name in names:
            frames = list(sources[name]())
            result = score_frames(samples[0], frames + frames[-1:] * self.miss_padding, tmp_path, f"{name}.mp4")
            assert result.value <= MISS_MAX and result.parts["end"] <= MISS_MAX, name

    def test_ground_truth_resized_and_blurred_scores_high(self, samples, tmp_path):
        import cv2

        for size in self.variant_sizes:
            for folder in samples[:self.variant_samples]:
                truth = read_video(folder / VIDEO, size=512).frames
                frames = [cv2.resize(cv2.GaussianBlur(frame, (0, 0), 1.5), size, interpolation=cv2.INTER_AREA)
                          for frame in truth]
                assert score_frames(folder, frames, tmp_path, f"{folder.name}.mp4").value >= VARIANT_MIN, size

    def test_ground_truth_at_8_fps_scores_high(self, samples, tmp_path):
        if not self.eight_fps_samples:
            pytest.skip("eight_fps_samples = 0")
        for folder in samples[:self.eight_fps_samples]:
            video = tmp_path / f"{folder.name}-8fps.mp4"
            write_video(video, read_video(folder / VIDEO, size=512).frames[::3], fps=8)
            assert score_video(folder, video).value >= VARIANT_MIN
