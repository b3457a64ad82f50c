"""O-34 specifications: the path's layout, the generator's rejections, and the scorer on right and wrong drawings."""

from __future__ import annotations

import math

import numpy as np
import pytest
from vbvr_core.families.connections.draw import Stroke, compose, stroke_frames
from vbvr_core.pipeline.generator import Reject
from vbvr_core.pipeline.sample_io import load_record, read_png
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import score_frames
from vbvr_o34_dot_to_dot_task.generator import (
    LINE_RED,
    Solution,
    clearance_problem,
    dot_layer,
    scatter_path,
)

KEY = "O-34_dot_to_dot_task"


def test_a_line_over_another_dot_is_refused():
    problem = clearance_problem([(100.0, 100.0), (300.0, 100.0), (200.0, 300.0), (200.0, 104.0)], 20.0, 5)
    assert problem and "line 1→2 passes over dot 4" in problem
    assert clearance_problem([(100.0, 100.0), (300.0, 100.0), (200.0, 300.0)], 20.0, 5) is None


def test_scattered_paths_are_clear_and_spaced():
    rng = np.random.default_rng(3)
    for _ in range(5):
        points = scatter_path(rng, 10, 20.0, 5)
        assert clearance_problem(points, 20.0, 5) is None
        assert min(math.dist(a, b) for k, a in enumerate(points) for b in points[k + 1:]) >= 80.0


def test_too_many_large_dots_are_rejected():
    with pytest.raises(Reject, match="cluttered"):
        scatter_path(np.random.default_rng(0), 14, 60.0, 5)


def _drawn(folder, order, color=LINE_RED, width=5, together=False):
    """The first frame held 0.5 s, red lines drawn along ``order`` one after another, then held 0.5 s."""
    solution = Solution.model_validate(load_record(folder).solution)
    first = read_png(folder / "first_frame.png")
    background = np.full_like(first, 255)
    overlay = dot_layer(solution.centers, solution.radius, solution.colors)
    strokes = [Stroke((solution.centers[a], solution.centers[b]), color, width) for a, b in zip(order, order[1:], strict=False)]
    frames = list(stroke_frames(background, overlay, strokes, 8, together))
    return [first] * 12 + frames + frames[-1:] * 12, compose(background, overlay, strokes, [1.0] * len(strokes))


class TestContract(SampleContract):
    key = KEY
    count = 2
    params = {"difficulty": 0, "num_dots": 4, "line_frames": 8}
    near_misses = ("swapped_numbers", "drawn_backwards")  # the certificate scores all four

    def test_a_line_to_a_wrong_dot_scores_zero(self, samples, tmp_path):
        n = len(load_record(samples[0]).solution["centers"])
        frames, _ = _drawn(samples[0], [*range(n - 2), n - 1])  # skips the second-to-last number
        result = score_frames(samples[0], frames, tmp_path)
        assert result.value <= 0.1 and result.parts["links"] < 1
