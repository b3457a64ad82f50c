"""How well the rule-based scores agree with people: rank correlations with intervals, and inter-rater α.

Inputs are the bench's score reports (``vbvr-bench score --report``, one per model; the report's
``model`` must be the MODEL name the videos had in ``vbvr-bench rate``) and the ratings (the SQLite file of
``rate`` or its ``--export`` CSV). A video's human rating is the mean over its raters of each scale; its
*human score* is the mean of the three scale means.

- Spearman ρ and Kendall τ (τ-b) between rule-based score and human score over videos, overall, per
  category and per task, plus overall per scale; 95% percentile bootstrap intervals from 1000 resamples
  of videos (seeded, so reruns give the same numbers). A scope with fewer than 3 videos, or where either
  side is constant, has no correlation (None) rather than a made-up one.
- Krippendorff's α (ordinal) per scale among raters, over every video that at least two raters rated.

Only the ratings that count enter: a rater's latest rating of each video (the store and the export keep
the earlier ones). Simulated raters (``rate --simulate``) are never counted as people: with any human
rating present they are left out unless ``include_simulated`` pools them; without one they are used as a
dry run. :attr:`Agreement.raters_label` says which, and every output repeats it.
"""

from __future__ import annotations

import csv
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import krippendorff
import numpy as np
from scipy import stats
from vbvr_core.pipeline.seeds import derive_seed, rng

from vbvr_benchmark.rating.db import CSV_COLUMNS, HIGHEST, LOWEST, SCALES, Rating, RatingStore, RatingStoreError
from vbvr_benchmark.report import REPORT_JSON, ReportError, load_report
from vbvr_benchmark.splits import CATEGORIES

RESAMPLES = 1000
CONFIDENCE = 0.95
BOOTSTRAP_SEED = 0
MIN_VIDEOS = 3
VECTORISED_TAU_MAX = 1500  # above this many videos the n×n sign matrices get large: resample one by one
HUMAN = "human"  # the mean of the three scales

VideoId = tuple[str, str, int]  # (model, task key, index)


class ScoresError(ValueError):
    """Score reports that cannot be read or joined (names the path and the fix)."""


class RatingsError(ValueError):
    """A ratings file that cannot be read (names the file, the line and the fix)."""


@dataclass(frozen=True)
class ScoredVideo:
    """One model video's rule-based score, with its task's category and split."""

    model: str
    key: str
    index: int
    category: str
    split: str
    score: float


@dataclass(frozen=True)
class Correlation:
    """Spearman ρ and Kendall τ over ``videos`` videos with their bootstrap intervals (None: not defined)."""

    videos: int
    rho: float | None
    rho_low: float | None
    rho_high: float | None
    tau: float | None
    tau_low: float | None
    tau_high: float | None

    def as_dict(self) -> dict:
        """Plain JSON-able data."""
        return asdict(self)


@dataclass(frozen=True)
class RatedVideo:
    """A scored video with its mean rating per scale (and the human score) and how many raters rated it."""

    video: ScoredVideo
    raters: int
    means: dict[str, float]


def report_folders(paths: Iterable[str | Path]) -> list[Path]:
    """Report folders among ``paths``: each is a report folder, a report.json, or a folder of report folders."""
    folders: list[Path] = []
    for path in map(Path, paths):
        if path.is_file() and path.name == REPORT_JSON:
            folders.append(path.parent)
        elif (path / REPORT_JSON).is_file():
            folders.append(path)
        elif path.is_dir() and (found := [child for child in sorted(path.iterdir()) if (child / REPORT_JSON).is_file()]):
            folders.extend(found)
        else:
            raise ScoresError(f"--report {path}: no report.json in it or in its subfolders. Fix: score each model "
                              "with `vbvr-bench score --videos DIR --model MODEL --report REPORT_DIR`")
    return folders


def load_scores(paths: Iterable[str | Path]) -> dict[VideoId, ScoredVideo]:
    """Every scored video of the reports under ``paths`` keyed by (model, key, index)."""
    scores: dict[VideoId, ScoredVideo] = {}
    seen: dict[str, Path] = {}
    for folder in report_folders(paths):
        try:
            document = load_report(folder)
        except ReportError as error:
            raise ScoresError(str(error)) from None
        model = document["model"]
        if model in seen:
            raise ScoresError(f"{folder}: model {model!r} also in {seen[model]}. Fix: give each report its own "
                              "--model name (the MODEL used in `vbvr-bench rate --videos MODEL=DIR`)")
        seen[model] = folder
        for row in document["rows"]:
            video = ScoredVideo(model, row["key"], int(row["index"]), row["category"], row["split"],
                                float(row["value"]))
            scores[(model, video.key, video.index)] = video
    return scores


def _rating_from_csv(row: dict[str, str], where: str) -> Rating:
    try:
        values = {scale: int(row[scale]) for scale in SCALES}
        rating = Rating(rater=row["rater"], model=row["model"], key=row["key"], index=int(row["index"]),
                        comment=row.get("comment") or "", rated_at=row.get("rated_at") or "", **values)
    except (KeyError, TypeError, ValueError) as error:
        raise RatingsError(f"{where}: not a rating row ({error}). Fix: use the CSV of `vbvr-bench rate --export`, "
                           f"columns {', '.join(CSV_COLUMNS)}") from None
    if not all(LOWEST <= values[scale] <= HIGHEST for scale in SCALES):
        raise RatingsError(f"{where}: ratings must be {LOWEST}-{HIGHEST}, got {values}. Fix: correct that row, or "
                           "export the ratings again with `vbvr-bench rate --export`")
    return rating


def latest_ratings(ratings: Iterable[Rating]) -> list[Rating]:
    """The last rating of every rater × video in ``ratings`` (in saving order), i.e. the ones that count."""
    latest: dict[tuple[str, str, str, int], Rating] = {}
    for rating in ratings:
        latest[(rating.rater, rating.model, rating.key, rating.index)] = rating
    return sorted(latest.values(), key=lambda rating: (rating.rater, rating.model, rating.key, rating.index))


def load_ratings(path: str | Path) -> list[Rating]:
    """The ratings that count (latest per rater × video) from the SQLite file of ``vbvr-bench rate`` or its
    ``--export`` CSV (by the ``.csv`` suffix; a later row supersedes an earlier one)."""
    path = Path(path)
    if not path.is_file():
        raise RatingsError(f"--ratings {path}: no such file")
    if path.suffix.lower() == ".csv":
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                return latest_ratings(_rating_from_csv(row, f"{path}:{line}")
                                      for line, row in enumerate(csv.DictReader(handle), 2))
        except UnicodeDecodeError as error:
            raise RatingsError(f"--ratings {path}: not UTF-8 text (byte {error.start}). Fix: pass the CSV of "
                               "`vbvr-bench rate --export`, or save it as UTF-8") from None
    try:
        return RatingStore(path).ratings()
    except (RatingStoreError, sqlite3.DatabaseError) as error:
        raise RatingsError(f"--ratings {path}: not a ratings database ({error}). Fix: pass the --db file of "
                           "`vbvr-bench rate` or its --export CSV") from None


def rated_videos(scores: dict[VideoId, ScoredVideo], ratings: Sequence[Rating]) -> list[RatedVideo]:
    """The scored videos that have at least one rating, with mean ratings, sorted by (model, key, index)."""
    by_video: dict[VideoId, list[Rating]] = defaultdict(list)
    for rating in ratings:
        by_video[(rating.model, rating.key, rating.index)].append(rating)
    joined = []
    for video_id in sorted(set(by_video) & set(scores)):
        means = {scale: float(np.mean([getattr(rating, scale) for rating in by_video[video_id]])) for scale in SCALES}
        means[HUMAN] = float(np.mean([means[scale] for scale in SCALES]))
        joined.append(RatedVideo(scores[video_id], len(by_video[video_id]), means))
    return joined


def _row_spearman(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Spearman ρ of every row pair of two (resamples × n) arrays (NaN where a row is constant)."""
    first_ranks = stats.rankdata(first, axis=1)
    second_ranks = stats.rankdata(second, axis=1)
    first_ranks -= first_ranks.mean(axis=1, keepdims=True)
    second_ranks -= second_ranks.mean(axis=1, keepdims=True)
    denominator = np.sqrt((first_ranks**2).sum(axis=1) * (second_ranks**2).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return (first_ranks * second_ranks).sum(axis=1) / denominator


def _resampled_tau(first: np.ndarray, second: np.ndarray, picks: np.ndarray) -> np.ndarray:
    """Kendall τ-b of every bootstrap resample (rows of ``picks`` index the paired values).

    A resample is a vector of counts ``c`` over the original videos; with ``S`` the pairwise sign matrices,
    τ-b = cᵀ(Sx∘Sy)c / √(cᵀ|Sx|c · cᵀ|Sy|c) (pairs of copies of one video are tied on both sides and drop
    out, as in τ-b). That is one matrix product for all resamples where the n×n matrices fit in memory.
    """
    count = len(first)
    if count > VECTORISED_TAU_MAX:
        return np.array([stats.kendalltau(first[pick], second[pick]).statistic for pick in picks])
    first_signs = np.sign(first[:, None] - first[None, :])
    second_signs = np.sign(second[:, None] - second[None, :])
    counts = np.stack([np.bincount(pick, minlength=count) for pick in picks]).astype(np.float64)

    def quadratic(matrix: np.ndarray) -> np.ndarray:
        return ((counts @ matrix) * counts).sum(axis=1)

    with np.errstate(invalid="ignore", divide="ignore"):
        return quadratic(first_signs * second_signs) / np.sqrt(quadratic(np.abs(first_signs))
                                                               * quadratic(np.abs(second_signs)))


def _interval(draws: np.ndarray) -> tuple[float | None, float | None]:
    draws = draws[np.isfinite(draws)]
    if draws.size == 0:
        return None, None
    tail = (1.0 - CONFIDENCE) / 2.0
    return float(np.quantile(draws, tail)), float(np.quantile(draws, 1.0 - tail))


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def correlate(rule_scores: Sequence[float], human_scores: Sequence[float], scope: str,
              seed: int = BOOTSTRAP_SEED) -> Correlation:
    """Spearman ρ and Kendall τ-b of two paired sequences, with bootstrap intervals seeded by ``scope``."""
    first = np.asarray(rule_scores, dtype=np.float64)
    second = np.asarray(human_scores, dtype=np.float64)
    count = len(first)
    if count < MIN_VIDEOS or np.ptp(first) == 0 or np.ptp(second) == 0:
        return Correlation(count, None, None, None, None, None, None)
    rho = _row_spearman(first[None], second[None])[0]
    tau = stats.kendalltau(first, second).statistic
    picks = rng(derive_seed(seed, "agreement-bootstrap", scope)).integers(0, count, size=(RESAMPLES, count))
    rho_draws = _row_spearman(first[picks], second[picks])
    tau_draws = _resampled_tau(first, second, picks)
    rho_low, rho_high = _interval(rho_draws)
    tau_low, tau_high = _interval(tau_draws)
    return Correlation(count, _finite(rho), rho_low, rho_high, _finite(tau), tau_low, tau_high)


def krippendorff_alpha(ratings: Sequence[Rating], scale: str) -> float | None:
    """Ordinal Krippendorff's α of ``scale`` among raters (None when fewer than two raters overlap)."""
    raters = sorted({rating.rater for rating in ratings})
    videos = sorted({(rating.model, rating.key, rating.index) for rating in ratings})
    if len(raters) < 2 or not videos:
        return None
    rater_row = {rater: row for row, rater in enumerate(raters)}
    video_column = {video: column for column, video in enumerate(videos)}
    matrix = np.full((len(raters), len(videos)), np.nan)
    for rating in ratings:
        matrix[rater_row[rating.rater], video_column[(rating.model, rating.key, rating.index)]] = getattr(rating, scale)
    paired = (~np.isnan(matrix)).sum(axis=0) >= 2
    if not paired.any() or len(np.unique(matrix[:, paired][~np.isnan(matrix[:, paired])])) < 2:
        return None
    return float(krippendorff.alpha(reliability_data=matrix[:, paired], level_of_measurement="ordinal",
                                    value_domain=list(range(LOWEST, HIGHEST + 1))))


@dataclass(frozen=True)
class Agreement:
    """Everything ``agreement`` reports (see the module docstring)."""

    videos: list[RatedVideo]
    overall: Correlation
    scales: dict[str, Correlation]
    categories: dict[str, Correlation]
    tasks: dict[str, Correlation]
    alpha: dict[str, float | None]
    raters: dict[str, int]
    rated_unscored: int
    scored_unrated: int
    seed: int
    simulated_raters: tuple[str, ...] = ()
    excluded_simulated_raters: tuple[str, ...] = ()

    @property
    def human_raters(self) -> tuple[str, ...]:
        """The raters counted who are people."""
        return tuple(rater for rater in self.raters if rater not in self.simulated_raters)

    @property
    def raters_label(self) -> str:
        """Who the raters are, e.g. ``2 human rater(s); 3 simulated rater(s) left out (--include-simulated)``."""
        humans, simulated = len(self.human_raters), len(self.simulated_raters)
        if not humans:
            return f"{simulated} simulated rater(s) only: a dry run, not agreement with people"
        label = f"{humans} human rater(s)"
        if simulated:
            label += f" pooled with {simulated} simulated rater(s)"
        if self.excluded_simulated_raters:
            label += (f"; {len(self.excluded_simulated_raters)} simulated rater(s) left out "
                      "(--include-simulated pools them)")
        return label


def select_raters(ratings: Sequence[Rating], include_simulated: bool) -> tuple[list[Rating], tuple[str, ...]]:
    """The ratings to measure and the simulated raters left out: humans only when there are any (unless
    ``include_simulated``), else the simulated ones (a dry run)."""
    simulated = tuple(sorted({rating.rater for rating in ratings if rating.simulated}))
    humans = [rating for rating in ratings if not rating.simulated]
    if include_simulated or not humans:
        return list(ratings), ()
    return humans, simulated


def _pairs(videos: Sequence[RatedVideo], measure: str) -> tuple[list[float], list[float]]:
    return [video.video.score for video in videos], [video.means[measure] for video in videos]


def measure_agreement(scores: dict[VideoId, ScoredVideo], ratings: Sequence[Rating],
                      seed: int = BOOTSTRAP_SEED, include_simulated: bool = False) -> Agreement:
    """Join ``scores`` and ``ratings`` and compute every correlation and α (deterministic for a seed).

    Simulated raters are left out when people rated too, unless ``include_simulated`` (see the module doc).
    """
    ratings, excluded = select_raters(ratings, include_simulated)
    videos = rated_videos(scores, ratings)
    rated_ids = {(rating.model, rating.key, rating.index) for rating in ratings}
    by_category: dict[str, list[RatedVideo]] = defaultdict(list)
    by_task: dict[str, list[RatedVideo]] = defaultdict(list)
    for video in videos:
        by_category[video.video.category].append(video)
        by_task[video.video.key].append(video)
    category_order = [*(name for name in CATEGORIES if name in by_category), *sorted(set(by_category) - set(CATEGORIES))]
    return Agreement(
        videos=videos,
        overall=correlate(*_pairs(videos, HUMAN), scope="overall", seed=seed),
        scales={scale: correlate(*_pairs(videos, scale), scope=f"scale:{scale}", seed=seed) for scale in SCALES},
        categories={name: correlate(*_pairs(by_category[name], HUMAN), scope=f"category:{name}", seed=seed)
                    for name in category_order},
        tasks={key: correlate(*_pairs(by_task[key], HUMAN), scope=f"task:{key}", seed=seed)
               for key in sorted(by_task)},
        alpha={scale: krippendorff_alpha(ratings, scale) for scale in SCALES},
        raters=_rater_counts(ratings),
        rated_unscored=len(rated_ids - set(scores)),
        scored_unrated=len(set(scores) - rated_ids),
        seed=seed,
        simulated_raters=tuple(sorted({rating.rater for rating in ratings if rating.simulated})),
        excluded_simulated_raters=excluded,
    )


def _rater_counts(ratings: Sequence[Rating]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for rating in ratings:
        counts[rating.rater] += 1
    return dict(sorted(counts.items()))
