"""G-31 specifications: graph search and geometry checks, determinism, validation and the scorer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from vbvr_core.draw import Stage, interpolate_points
from vbvr_core.media.video import held
from vbvr_core.pipeline.sample_io import load_record
from vbvr_core.pipeline.seeds import rng
from vbvr_core.solve.search import count_shortest_paths, shortest_path
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import make_samples, score_frames
from vbvr_g31_directed_graph_navigation.generator import DirectedGraphGenerator, GraphScene, Params
from vbvr_g31_directed_graph_navigation.graph import DirectedGraph, hop_distance, lattice_graph, layout_problems

KEY = "G-31_directed_graph_navigation"
# A square 0-1-2-3 whose arrows run 0->1->2->3 and 0<-3: from 0 to 3 the arrows force three moves.
SQUARE = DirectedGraph(nodes=[(100, 100), (300, 100), (300, 300), (100, 300)], edges=[(0, 1), (1, 2), (2, 3), (3, 0)])


def test_search_follows_arrow_directions():
    assert shortest_path(0, 3, SQUARE.successors()) == [0, 1, 2, 3]
    assert hop_distance(SQUARE, 0, 3) == 3 and hop_distance(SQUARE, 0, 3, directed=False) == 1
    assert shortest_path(3, 1, SQUARE.successors()) == [3, 0, 1]


def test_two_equal_routes_are_counted():
    diamond = DirectedGraph(nodes=[(0, 0), (1, 0), (0, 1), (1, 1)], edges=[(0, 1), (0, 2), (1, 3), (2, 3)])
    assert count_shortest_paths(0, 3, diamond.successors()) == 2


def test_edge_over_a_node_is_flagged():
    line = DirectedGraph(nodes=[(100, 100), (200, 104), (300, 100)], edges=[(0, 2)])
    assert any("passes over node 1" in problem for problem in layout_problems(line, 20))


def test_lattice_graph_is_connected_and_clean():
    for seed in range(10):
        graph = lattice_graph(rng(seed), 4, 4, 2, 0.6, 0.5)
        assert len(graph.nodes) == 14
        reach = {k for k in range(14) if hop_distance(graph, 0, k, directed=False) is not None}
        assert reach == set(range(14)) and not layout_problems(graph, 20)


def test_ambiguous_instance_is_rejected():
    generator = DirectedGraphGenerator(1, {"difficulty": 1})
    sample = generator.generate()
    sample.solution["shortest_routes"] = 2
    assert any("ambiguous" in problem for problem in generator.validate(sample))


def test_instance_where_arrows_do_not_matter_is_rejected():
    generator = DirectedGraphGenerator(2, {"difficulty": 1})
    sample = generator.generate()
    sample.solution["undirected_hops"] = sample.solution["optimal_hops"]
    assert any("arrows do not matter" in problem for problem in generator.validate(sample))


def test_unreachable_target_is_rejected():
    generator = DirectedGraphGenerator(3)
    sample = generator.generate()
    sample.solution["path"] = None
    assert any("unsolvable" in problem for problem in generator.validate(sample))


def test_out_of_bounds_params_are_refused():
    with pytest.raises(ValueError, match="lattice_rows"):
        DirectedGraphGenerator(0, {"lattice_rows": 9})


class TestContract(SampleContract):
    key = KEY
    seed = 1  # its first sample is the shortest video: the noise baseline's encode dominates the run


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return make_samples(KEY, tmp_path_factory.mktemp("g31"), count=3, seed=7)


def test_ground_truth_videos_last_at_most_130_frames(samples):
    assert all(load_record(folder).video.frames <= 130 for folder in samples)


def _metadata(folder):
    return json.loads((folder / "metadata.json").read_text())


def _trip_frames(folder, route):
    """The sample's scene with the agent sliding along ``route`` (node indices), held at both ends."""
    metadata = _metadata(folder)
    solution = metadata["solution"]
    graph = DirectedGraph(
        [tuple(n) for n in solution["graph"]["nodes"]], [tuple(e) for e in solution["graph"]["edges"]]
    )
    scene = GraphScene(graph, solution["start"], solution["target"], Params(**metadata["params"]))
    points = interpolate_points([graph.nodes[k] for k in route], 10)
    return list(held(Stage(scene.background).frames([(scene.agent, points)]), 6))


def test_route_against_an_arrow_scores_below_half(samples, tmp_path):
    folder = next(
        f for f in samples if _metadata(f)["solution"]["undirected_hops"] < _metadata(f)["solution"]["optimal_hops"]
    )
    solution = _metadata(folder)["solution"]
    graph = DirectedGraph(
        [tuple(n) for n in solution["graph"]["nodes"]], [tuple(e) for e in solution["graph"]["edges"]]
    )
    wrong = shortest_path(solution["start"], solution["target"], graph.undirected())
    result = score_frames(folder, _trip_frames(folder, wrong), tmp_path)
    assert result.value < 0.5 and result.parts["wrong_way"] >= 1


def test_teleport_to_the_target_scores_zero(samples, tmp_path):
    folder = samples[0]
    solution = _metadata(folder)["solution"]
    frames = _trip_frames(folder, [solution["start"]])[:20] + _trip_frames(folder, [solution["target"]])[:20]
    result = score_frames(folder, frames, tmp_path)
    assert result.value == 0 and result.parts["legality"] == 0


def test_ground_truth_route_follows_arrows(samples):
    for folder in samples:
        solution = _metadata(folder)["solution"]
        edges = {tuple(e) for e in solution["graph"]["edges"]}
        assert all(move in edges for move in zip(solution["path"], solution["path"][1:], strict=False))


def test_drawn_instances_are_diverse():
    hashes = {DirectedGraphGenerator(seed).generate().first_frame.tobytes().__hash__() for seed in range(30)}
    assert len(hashes) == 30


def test_frames_are_uint8_rgb_512():
    frame = next(iter(DirectedGraphGenerator(3).generate().trajectory()))
    assert frame.shape == (512, 512, 3) and frame.dtype == np.uint8
