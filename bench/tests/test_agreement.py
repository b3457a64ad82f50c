"""Agreement between rule-based scores and (simulated) raters: ρ near 1 for raters who follow the scores,
near 0 for random raters; Krippendorff's α against published values; the command's report folder."""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy import stats
from vbvr_benchmark.aggregate import summarize
from vbvr_benchmark.agreement import (
    ScoredVideo,
    _resampled_tau,
    correlate,
    krippendorff_alpha,
    load_ratings,
    measure_agreement,
)
from vbvr_benchmark.rating import Rating, RatingStore
from vbvr_benchmark.rating.simulate import simulate_ratings
from vbvr_benchmark.report import write_report
from vbvr_benchmark.scoring import score_folders
from vbvr_core.judge.baselines import write_baseline

KEY = "G-15_grid_avoid_obstacles"
CATEGORY_OF = {"G-1_alpha": "perception", "G-2_beta": "spatiality", "O-3_gamma": "spatiality"}


def _synthetic_scores(videos_per_task: int = 60) -> dict[tuple[str, str, int], ScoredVideo]:
    """Scores spread over [0, 1] for two models × three tasks."""
    generator = np.random.default_rng(5)
    scores = {}
    for model in ("m1", "m2"):
        for key, category in CATEGORY_OF.items():
            for index in range(videos_per_task // 2):
                scores[(model, key, index)] = ScoredVideo(model, key, index, category, "in-domain",
                                                          float(generator.uniform()))
    return scores


def _values(scores):
    return {video_id: video.score for video_id, video in scores.items()}


def test_raters_who_follow_the_scores_agree_near_one_and_with_each_other():
    scores = _synthetic_scores()
    result = measure_agreement(scores, simulate_ratings(_values(scores), "following", raters=3, seed=1))
    assert result.overall.videos == 180
    assert result.overall.rho > 0.9 and result.overall.tau > 0.75
    assert result.overall.rho_low < result.overall.rho < result.overall.rho_high and result.overall.rho_low > 0.85
    assert set(result.categories) == {"perception", "spatiality"} and set(result.tasks) == set(CATEGORY_OF)
    assert all(correlation.rho > 0.8 for correlation in result.tasks.values())
    assert all(alpha > 0.7 for alpha in result.alpha.values())


def test_random_raters_agree_near_zero():
    scores = _synthetic_scores()
    result = measure_agreement(scores, simulate_ratings(_values(scores), "random", raters=3, seed=1))
    assert abs(result.overall.rho) < 0.2 and abs(result.overall.tau) < 0.15
    assert result.overall.rho_low < 0 < result.overall.rho_high
    assert all(abs(alpha) < 0.15 for alpha in result.alpha.values())


def test_bootstrap_is_seeded_and_undefined_scopes_say_so():
    rule, human = [0.1, 0.5, 0.3, 0.9, 0.7], [1.0, 3.0, 2.5, 5.0, 3.5]
    first, again = correlate(rule, human, "task:x"), correlate(rule, human, "task:x")
    assert first == again and first.rho == pytest.approx(1.0) and first.tau == pytest.approx(1.0)
    assert correlate([0.2, 0.2, 0.2, 0.2], human[:4], "flat").rho is None
    assert correlate([0.1, 0.9], [1.0, 5.0], "two").rho is None


def test_resampled_kendall_tau_equals_scipys_on_every_resample():
    generator = np.random.default_rng(2)
    rule = np.round(generator.uniform(size=40), 1)  # ties on both sides, as with 1-5 ratings
    human = np.round(rule * 4 + 1 + generator.normal(0, 0.8, size=40))
    picks = generator.integers(0, 40, size=(50, 40))
    expected = [stats.kendalltau(rule[pick], human[pick]).statistic for pick in picks]
    assert np.allclose(_resampled_tau(rule, human, picks), expected)


def test_krippendorff_alpha_matches_krippendorffs_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units, ordinal α = 0.815.
    table = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
             [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
             [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
             [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    ratings = [Rating(f"coder{coder}", "m", "G-1_alpha", unit, value, value, value)
               for coder, row in enumerate(table) for unit, value in enumerate(row) if value is not None]
    assert krippendorff_alpha(ratings, "task_completion") == pytest.approx(0.8154, abs=1e-4)
    assert krippendorff_alpha([rating for rating in ratings if rating.rater == "coder0"], "visual_quality") is None


def test_ratings_load_from_the_database_and_its_csv_alike(tmp_path):
    store = RatingStore(tmp_path / "r.sqlite")
    store.save_many([Rating("ana", "m", "G-1_alpha", 0, 5, 4, 3, "a, \"b\"\nc", "t"),
                     Rating("bo", "m", "G-1_alpha", 0, 1, 2, 3)])
    store.export_csv(tmp_path / "r.csv")
    assert load_ratings(tmp_path / "r.sqlite") == load_ratings(tmp_path / "r.csv")
    (tmp_path / "bad.csv").write_text("rater,model,key,index,task_completion,reasoning_logic,visual_quality\n"
                                      "ana,m,G-1_alpha,0,9,1,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv:2: ratings must be 1-5"):
        load_ratings(tmp_path / "bad.csv")


def test_agreement_command_writes_the_report_of_a_simulated_study(samples, cli, tmp_path):
    kinds = ("oracle", "static", "noise")
    for kind in kinds:
        for folder in sorted((samples / KEY).iterdir()):
            write_baseline(kind, folder, tmp_path / kind / KEY / f"{folder.name}.mp4")
    runs = score_folders(samples, [tmp_path / kind for kind in kinds], workers=1)
    reports = tmp_path / "reports"
    for kind, run in zip(kinds, runs, strict=True):
        write_report(reports / kind, kind, run, summarize(run.rows))
    db = tmp_path / "study.sqlite"
    result = cli("rate", "--db", db, "--simulate", "following", "--report", reports, "--raters", 2)
    assert result.exit_code == 0, result.output
    result = cli("agreement", "--ratings", db, "--report", reports)
    assert result.exit_code == 0, result.output
    out = reports / "agreement"
    document = json.loads((out / "agreement.json").read_text("utf-8"))
    assert document["counts"] == {"videos": 9, "ratings": 18, "raters": 2, "models": 3, "human_raters": 0,
                                  "simulated_raters": 2, "simulated_raters_left_out": 0,
                                  "rated_but_not_scored": 0, "scored_but_not_rated": 0}
    assert document["overall"]["rho"] > 0.8 and document["overall"]["rho_low"] is not None
    assert "Spearman ρ" in (out / "agreement.md").read_text("utf-8")
    assert (out / "agreement_scatter.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len((out / "agreement_videos.csv").read_text("utf-8").splitlines()) == 10
    assert cli("agreement", "--ratings", tmp_path / "none.sqlite", "--report", reports).exit_code == 2
    assert cli("agreement", "--ratings", db, "--report", tmp_path / "oracle").exit_code == 2  # not a report
    reseeded = cli("agreement", "--ratings", db, "--report", reports, "--out", tmp_path / "seed7", "--seed", 7)
    assert reseeded.exit_code == 0, reseeded.output
    assert json.loads((tmp_path / "seed7" / "agreement.json").read_text("utf-8"))["bootstrap"]["seed"] == 7
