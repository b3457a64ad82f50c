"""The checks every task package's tests share, as a pytest mix-in (imports pytest: for test suites only).

A task's test file adds them with three lines and keeps only what is particular to the task::

    from vbvr_core.testing.contract import SampleContract

    class TestContract(SampleContract):
        key = "G-15_grid_avoid_obstacles"

The class generates ``count`` samples once and checks: the same seed gives the same bytes; the video is
H.264 yuv420p 512×512 at 24 fps and its first/last frames match the PNGs; the scorer gives the ground
truth ≥ ``ORACLE_MIN``, a held first frame and noise ≤ ``SHORTCUT_MAX``, a cut straight to the final frame
≤ ``final_ceiling`` (where the task asks for the process), another sample's video < ``CLEARLY_LOW`` and an
empty file 0 (limits: :mod:`vbvr_core.judge.thresholds`). These are the quick versions of ``vbvr review``'s checks.
It also checks that the package's README (next to the ``tests/`` folder of the subclass) lists every row of the
parameter table, and — for the generator's declared near misses named in ``near_misses`` (``True``: all of them) —
that each drawn near miss scores at most ``near_miss_max`` on the first sample.

``robustness = True`` (opt-in, ≈ 15 s of CPU per sample) adds the whole robustness suite on the first sample:
every probe of :mod:`vbvr_core.judge.robustness` must meet the certificate's limits
(:mod:`vbvr_core.judge.certificate`); ``robustness_expected_misses`` names probes the task knows it still
misses (``"variant:blur"``), so they are reported but do not fail until fixed — and fail once they pass, so
the list only shrinks.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, ClassVar

import pydantic
import pytest

from vbvr_core.discovery import get_task
from vbvr_core.judge.alternatives import declared, recreate
from vbvr_core.judge.certificate import certify
from vbvr_core.judge.robustness import run_suite
from vbvr_core.judge.run import score_video
from vbvr_core.judge.thresholds import CLEARLY_LOW, ORACLE_MIN, SHORTCUT_MAX
from vbvr_core.media.frames import psnr
from vbvr_core.media.video import read_video
from vbvr_core.pipeline.sample_io import FINAL_FRAME, FIRST_FRAME, VIDEO, canonical_json, load_record, read_png
from vbvr_core.review import parameter_table
from vbvr_core.testing.helpers import folder_digest, make_samples, score_baseline, score_frames

MIN_PSNR = 30.0


_MADE: dict[tuple, list[Path]] = {}


def contract_samples(tmp_path_factory, key: str, count: int = 1, seed: int = 0,
                     params: dict[str, Any] | None = None) -> list[Path]:
    """Samples of ``key`` made once per test session for these arguments (SampleContract and the task's own
    tests share them: a task's module fixture returns ``contract_samples(tmp_path_factory, KEY, count=…)``)."""
    cache_key = (id(tmp_path_factory), key, count, seed, canonical_json(params or {}))
    if cache_key not in _MADE:
        _MADE[cache_key] = make_samples(key, tmp_path_factory.mktemp("samples"), count, seed, params)
    return _MADE[cache_key]


class SampleContract:
    """Subclass as ``Test…`` and set ``key``; optionally ``params`` (small instances keep tests fast) and the
    ``near_misses`` to score (names the generator's ``near_misses()`` declares; the certificate scores them all)."""

    key: ClassVar[str]
    count: ClassVar[int] = 2
    seed: ClassVar[int] = 7
    params: ClassVar[dict[str, Any] | None] = None
    final_ceiling: ClassVar[float] = CLEARLY_LOW
    robustness: ClassVar[bool] = False
    robustness_expected_misses: ClassVar[frozenset[str]] = frozenset()
    near_misses: ClassVar[tuple[str, ...] | bool] = ()
    near_miss_max: ClassVar[float] = CLEARLY_LOW

    @pytest.fixture(scope="class")
    @classmethod
    def samples(cls, tmp_path_factory) -> list[Path]:
        """``count`` samples of the task, made once for the class."""
        return contract_samples(tmp_path_factory, cls.key, cls.count, cls.seed, cls.params)

    def test_out_of_bounds_and_unknown_params_are_refused(self):
        generator = get_task(self.key).load_generator()
        for name, field in generator.Params.model_fields.items():
            for bound in field.metadata:
                too_far = {"ge": -1, "gt": 0, "le": 1, "lt": 0}
                for side, step in too_far.items():
                    limit = getattr(bound, side, None)
                    if limit is None:
                        continue
                    with pytest.raises(pydantic.ValidationError, match=name):
                        generator(self.seed, {name: limit + step if step else limit})
        with pytest.raises(ValueError, match="unknown parameter"):
            generator(self.seed, {"not_a_parameter": 1})

    def test_readme_documents_every_parameter(self):
        readme = Path(inspect.getfile(type(self))).resolve().parents[1] / "README.md"
        assert readme.is_file(), f"{readme} is missing: every task package has a README with its parameter table"
        table = parameter_table(get_task(self.key).load_generator().Params)
        missing = [row for row in table.splitlines() if row not in readme.read_text("utf-8")]
        assert not missing, f"{readme.name}'s parameter table is out of date; regenerate rows: {missing}"

    def test_declared_near_misses_score_low(self, samples, tmp_path):
        if not self.near_misses:
            pytest.skip("name the near misses to score in near_misses on the test class")
        made = recreate(samples[0], self.params)
        sources = declared(made.generator, made.sample, "near_misses")
        names = sorted(sources) if self.near_misses is True else list(self.near_misses)
        assert names, "near_misses = True, but the generator declares no near miss for this sample"
        unknown = sorted(set(names) - set(sources))
        assert not unknown, f"the generator declares no near miss named {unknown} (it declares {sorted(sources)})"
        for name in names:
            scored = score_frames(samples[0], list(sources[name]()), tmp_path, f"{name}.mp4").value
            assert scored <= self.near_miss_max, f"near miss {name} scored {scored:.3f} > {self.near_miss_max}"

    def test_same_seed_gives_identical_bytes(self, samples, tmp_path):
        again = make_samples(self.key, tmp_path, self.count, self.seed, self.params)
        assert [folder_digest(a) for a in samples] == [folder_digest(b) for b in again]

    def test_video_format_and_reference_frames(self, samples):
        for folder in samples:
            video = load_record(folder).video
            assert (video.codec, video.pix_fmt, video.width, video.height, video.fps) == ("h264", "yuv420p", 512, 512, 24)
            clip = read_video(folder / VIDEO, size=512)
            assert clip.ok and len(clip.frames) == video.frames
            assert psnr(clip.frames[0], read_png(folder / FIRST_FRAME)) >= MIN_PSNR
            if (folder / FINAL_FRAME).exists():
                assert psnr(clip.frames[-1], read_png(folder / FINAL_FRAME)) >= MIN_PSNR

    def test_oracle_scores_high(self, samples, tmp_path):
        assert all(score_baseline("oracle", folder, tmp_path) >= ORACLE_MIN for folder in samples)

    @pytest.mark.parametrize("kind", ["static", "noise"])
    def test_doing_nothing_scores_low(self, samples, tmp_path, kind):
        assert score_baseline(kind, samples[0], tmp_path) <= SHORTCUT_MAX

    def test_cut_to_the_final_frame_scores_low_where_the_process_is_asked(self, samples, tmp_path):
        if not get_task(self.key).info.process_required:
            pytest.skip(f"{self.key} asks for the end state only (process_required=False)")
        assert score_baseline("final", samples[0], tmp_path) <= self.final_ceiling

    def test_another_samples_video_scores_low(self, samples, tmp_path):
        assert score_baseline("shuffle", samples[0], tmp_path, other=samples[1]) < CLEARLY_LOW

    def test_empty_file_scores_zero(self, samples, tmp_path):
        empty = tmp_path / "empty.mp4"
        empty.write_bytes(b"")
        result = score_video(samples[0], empty)
        assert result.value == 0 and "empty" in result.reason

    def test_robustness_certificate(self, samples, tmp_path):
        if not self.robustness:
            pytest.skip("opt-in: set robustness = True on the test class")
        result = run_suite(samples[0], tmp_path / "robustness", samples[1] if len(samples) > 1 else None)
        certificate = certify(self.key, [result])
        missed = {f"{verdict.group}:{verdict.name}": verdict.problem for verdict in certificate.misses}
        unexpected = {probe: problem for probe, problem in missed.items()
                      if probe not in self.robustness_expected_misses}
        fixed = sorted(set(self.robustness_expected_misses) - set(missed))
        assert not unexpected, f"robustness probes missed: {unexpected}"
        assert not fixed, f"these probes pass now: remove them from robustness_expected_misses: {fixed}"
