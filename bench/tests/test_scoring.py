"""Scoring a videos folder end to end: baselines, reports, bad inputs, the official layout, the time limit."""

from __future__ import annotations

import json
import math
import os
import time

import numpy as np
from vbvr_benchmark.pool import TimedPool
from vbvr_benchmark.scoring import score_folder
from vbvr_core.media.video import read_video, write_video

KEY = "G-15_grid_avoid_obstacles"


def _overall(report) -> float:
    return json.loads((report / "report.json").read_text())["overall"]["mean"]


def test_oracle_scores_full_and_static_nothing_with_every_report_file(samples, tmp_path, cli):
    for kind in ("oracle", "static"):
        result = cli("baseline", kind, "--samples", samples, "--out", tmp_path / kind)
        assert result.exit_code == 0, result.output
        result = cli("score", "--samples", samples, "--videos", tmp_path / kind, "--out", tmp_path / f"{kind}-report")
        assert result.exit_code == 0, result.output
    assert _overall(tmp_path / "oracle-report") >= 0.98
    assert _overall(tmp_path / "static-report") <= 0.1
    report = tmp_path / "oracle-report"
    assert {"report.json", "scores.csv", "report.md"} <= {path.name for path in report.iterdir()}
    assert {"categories.png", "splits.png", "radar.png"} <= {path.name for path in (report / "plots").iterdir()}
    assert (report / "scores.csv").read_text().count("\n") == 1 + 3
    assert "| Model | Overall |" in (report / "report.md").read_text()
    document = json.loads((report / "report.json").read_text())
    assert document["categories"]["spatiality"]["tasks"] == 1
    assert document["splits"]["in-domain"]["videos"] == 3  # G-15 is in-domain in the public catalogue


def test_same_videos_give_byte_identical_reports(samples, tmp_path, cli):
    cli("baseline", "oracle", "--samples", samples, "--out", tmp_path / "videos")
    for name in ("a", "b"):
        result = cli("score", "--samples", samples, "--videos", tmp_path / "videos", "--out", tmp_path / name,
                     "--model", "m", "--workers", "1" if name == "a" else "2")
        assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "report.json").read_bytes() == (tmp_path / "b" / "report.json").read_bytes()
    assert (tmp_path / "a" / "scores.csv").read_bytes() == (tmp_path / "b" / "scores.csv").read_bytes()


def test_broken_files_score_zero_with_reasons_and_never_stop_the_run(samples, tmp_path):
    videos = tmp_path / "videos" / KEY
    videos.mkdir(parents=True)
    truth = (samples / KEY / "00000000" / "ground_truth.mp4").read_bytes()
    (videos / "0.mp4").write_bytes(b"")
    (videos / "1.mp4").write_bytes(truth[: len(truth) // 3])
    (videos / "2.mp4").write_text("this is not a video\n")
    run = score_folder(samples, tmp_path / "videos", workers=2, timeout=30)
    assert [(row.index, row.status, row.value) for row in run.rows] == [
        (0, "bad_video", 0.0), (1, "bad_video", 0.0), (2, "bad_video", 0.0)]
    assert "empty" in run.rows[0].reason and run.rows[1].reason and run.rows[2].reason
    assert str(tmp_path) not in "".join(row.reason for row in run.rows)  # reports do not depend on where files lie
    (videos / "2.mp4").write_bytes(np.random.default_rng(0).integers(0, 256, 50_000, dtype=np.uint8).tobytes())
    (videos / "1.mp4").unlink()
    run = score_folder(samples, tmp_path / "videos", workers=2, timeout=30)
    assert [(row.status, row.value) for row in run.rows] == [("bad_video", 0.0), ("missing", 0.0), ("bad_video", 0.0)]
    assert run.rows[1].reason.startswith("missing")


def test_any_size_fps_and_length_is_accepted(samples, tmp_path):
    videos = tmp_path / "videos" / KEY
    videos.mkdir(parents=True)
    truth = read_video(samples / KEY / "00000000" / "ground_truth.mp4", size=(384, 384)).frames
    write_video(videos / "0.mp4", truth[::2], fps=12)  # other size, half the frame rate
    write_video(videos / "1.mp4", truth[:1])  # one frame
    write_video(videos / "2.mp4", np.zeros((5, 64, 96, 3), np.uint8))  # tiny, not square
    rows = score_folder(samples, tmp_path / "videos", workers=1).rows
    assert rows[0].status == "ok" and rows[0].value >= 0.9
    assert [(row.status, row.value) for row in rows[1:]] == [("ok", 0.0), ("ok", 0.0)]


def test_official_layout_is_read_for_samples_and_videos_with_the_generic_scorer(official_samples, tmp_path, cli):
    # static, final, noise and shuffle on this layout: test_validate_scorers_on_official_ground_truth_...
    assert cli("baseline", "oracle", "--samples", official_samples, "--out", tmp_path).exit_code == 0
    assert (tmp_path / "In-Domain_50" / "G-15_grid_avoid_obstacles_data-generator" / "00000.mp4").is_file()
    rows = score_folder(official_samples, tmp_path, workers=2).rows
    assert [(row.scorer, row.split, row.status) for row in rows] == [("generic", "in-domain", "ok")] * 3
    assert min(row.value for row in rows) >= 0.98


def test_our_videos_score_against_official_ground_truth_by_index(samples, official_samples, tmp_path, cli):
    cli("baseline", "oracle", "--samples", samples, "--out", tmp_path / "ours")
    rows = score_folder(official_samples, tmp_path / "ours", workers=1).rows
    assert [row.status for row in rows] == ["ok"] * 3 and min(row.value for row in rows) >= 0.98


def _failure(job, status, reason):
    return (status, reason)


def test_a_hung_job_is_killed_at_the_limit_and_a_dead_worker_is_replaced():
    started = time.monotonic()
    pool = TimedPool(time.sleep, workers=2, timeout=1.0, on_failure=_failure)
    results = pool.map([0.0, 30.0, 0.0, 0.0])
    assert results[0] is None and results[2] is None and results[3] is None  # time.sleep returns None
    assert results[1][0] == "timeout"
    assert time.monotonic() - started < 20
    crashing = TimedPool(os._exit, workers=1, timeout=10.0, on_failure=_failure).map([3, 5])
    assert [status for status, _ in crashing] == ["crashed", "crashed"]
    assert "exit code 3" in crashing[0][1] and "exit code 5" in crashing[1][1]  # the replacement ran job 2
    raising = TimedPool(math.sqrt, workers=1, timeout=10.0, on_failure=_failure).map([4.0, -1.0, 9.0])
    assert raising[0] == 2.0 and raising[1][0] == "error" and "ValueError" in raising[1][1] and raising[2] == 3.0
