"""G-16 regression (0.2.0): which corner a fast or eased walk turned is read from where the agent is seen (the
family tracker's centre-aware bridging, ``bridge_short_jumps`` with centres), so a block turned round on a corner
is passed, and the corner opposite it is not."""

from __future__ import annotations

import numpy as np
import pytest
from vbvr_core.draw import GridLayout
from vbvr_core.families.gridwalk.track import agent_cells_by_centre, bridge_short_jumps
from vbvr_core.judge.alternatives import recreate
from vbvr_core.judge.track import collapse
from vbvr_core.judge.variants import legitimate_variants
from vbvr_core.media.video import JUDGE_FPS, held, read_video
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.testing.contract import contract_samples
from vbvr_core.testing.helpers import score_frames
from vbvr_g16_grid_go_through_block.generator import Solution

KEY = "G-16_grid_go_through_block"
GRID = GridLayout(rows=8, cols=8, cell=56, left=32, top=32)


def bridged(seen, grid):
    """The scorer's bridging of a track of (cell, centre) sightings on an open grid."""
    return bridge_short_jumps([s and s[0] for s in seen], set(), [s and s[1] for s in seen], grid)


def at(cell, dx=0.0, dy=0.0):
    """A sighting of the agent in ``cell``, its centre moved by (dx, dy) cells from the cell's centre."""
    x, y = GRID.cell_center(cell)
    return cell, (x + dx * GRID.cell, y + dy * GRID.cell)


def test_a_hop_round_a_corner_crosses_the_corner_the_agent_turned_round():
    # seen leaving (6, 1) to the right, then entering (5, 2) from below: it went through (6, 2)
    assert bridged([at((6, 1), dx=0.3), at((5, 2), dy=0.2)], GRID) == [(6, 1), (6, 2), (5, 2)]
    # seen leaving (6, 1) upwards, then entering (5, 2) from the left: it went through (5, 1)
    assert bridged([at((6, 1), dy=-0.3), at((5, 2), dx=-0.2)], GRID) == [(6, 1), (5, 1), (5, 2)]
    # a straight hop crosses the middle; a hop of three cells stays a jump; unseen frames stay None
    assert bridged([at((2, 0)), None, at((4, 0))], GRID) == [(2, 0), None, (3, 0), (4, 0)]
    assert bridged([at((2, 0)), at((2, 3))], GRID) == [(2, 0), (2, 3)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    # seed 7, sample 0: the block (6, 2) is turned round on a corner, and the eased copy hops over it
    return contract_samples(tmp_path_factory, KEY, count=1, seed=7)[0]


def eased(frames: np.ndarray) -> list[np.ndarray]:
    return list(legitimate_variants(frames)["ease"].frames())


def test_eased_ground_truth_passes_the_block_it_turns_round(sample, tmp_path):
    truth = read_video(sample / "ground_truth.mp4", size=512).frames
    result = score_frames(sample, eased(truth), tmp_path, "ease.mp4")
    assert result.parts["blocks"] == 1 and result.value >= 0.98, result.reason


def test_eased_walk_round_the_other_corner_misses_the_block(sample, tmp_path):
    s = Solution.model_validate(load_record(sample).solution)
    assert s.blocks == [(6, 2)] and s.path[5:8] == [(6, 1), (6, 2), (5, 2)]
    other = [*s.path[:6], (5, 1), *s.path[7:]]  # as short, but round the corner opposite the block
    made = recreate(sample)
    frames = np.stack(list(held(made.generator.walk(other)(), made.sample.hold_frames)))
    result = score_frames(sample, eased(frames), tmp_path, "other_corner.mp4")
    seen = collapse(agent_cells_by_centre(read_video(tmp_path / "other_corner.mp4", fps=JUDGE_FPS),
                                          GridLayout(**s.layout), s.agent_color))
    assert [(6, 1), (5, 2)] in [seen[i:i + 2] for i in range(len(seen))]  # the copy hops the corner
    assert result.parts["blocks"] == 0 and result.value == 0, result.reason
