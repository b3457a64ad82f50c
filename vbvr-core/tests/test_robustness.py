"""The robustness suite: its variants and shortcuts, the certificate (a rule-judging scorer earns it, a
pixel-judging one does not), task-declared alternatives, fonts, and the review gallery's table."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from vbvr_core.draw.text import FAMILIES, font, typeface
from vbvr_core.judge.alternatives import nudged_positions
from vbvr_core.judge.baselines import is_dissolve, settled_from, shortcut_frames
from vbvr_core.judge.certificate import EXEMPT, MISS, certificate_rows, certify
from vbvr_core.judge.robustness import run_suite
from vbvr_core.judge.variants import PACE_VARIANTS, legitimate_variants
from vbvr_core.testing.contract import SampleContract
from vbvr_core.testing.helpers import forget_plugins, make_samples
from vbvr_core.testing.slide_tasks import FRAGILE_KEY, ROBUST_KEY, install_slide_tasks


def _counting_clip(frames: int = 48) -> np.ndarray:
    """A 32×32 clip whose frame k is grey level 4k: a frame's value says which source frame it shows."""
    return np.stack([np.full((32, 32, 3), 4 * k, np.uint8) for k in range(frames)])


def _shown(frames) -> list[int]:
    return [int(frame[0, 0, 0]) // 4 for frame in frames]


def test_frame_rate_variants_keep_the_duration():
    variants = legitimate_variants(_counting_clip(48), fps=24)
    for rate in (8, 12, 16, 30):
        rendering = variants[f"fps_{rate}"]
        shown = _shown(rendering.frames())
        assert rendering.fps == rate and len(shown) == 2 * rate
        assert shown[0] == 0 and shown == sorted(shown) and shown[-1] >= 48 - 24 / rate - 1


def test_pace_variants_stretch_and_squeeze_time_and_a_fixed_pace_drops_them():
    variants = legitimate_variants(_counting_clip(48), fps=24)
    assert len(_shown(variants["slow_1.5x"].frames())) == 72
    assert len(_shown(variants["fast_1.5x"].frames())) == 32
    assert not set(PACE_VARIANTS) & set(legitimate_variants(_counting_clip(48), fps=24, pace_fixed=True))


def test_pauses_hold_one_frame_and_ease_keeps_both_ends():
    moving = _counting_clip(48)[12:]  # grey 48, 52, …: visibly unlike black
    truth = np.concatenate([_counting_clip(1).repeat(6, axis=0), moving])  # a 6-frame opening hold
    variants = legitimate_variants(truth, fps=24)
    start = _shown(variants["pause_start"].frames())
    assert len(start) == len(truth) + 24 and start[:30] == [0] * 30 and start[30] == 12
    middle = _shown(variants["pause_middle"].frames())
    assert len(middle) == len(truth) + 12 and max(middle.count(value) for value in set(middle)) == 13
    eased = _shown(legitimate_variants(_counting_clip(48), fps=24)["ease"].frames())
    steps = np.diff(eased)
    assert eased[0] == 0 and eased[-1] == 47 and (steps >= 0).all() and steps[:5].sum() < steps[20:25].sum()


def test_colour_variants_shift_brightness_by_twelve_percent_and_noise_is_seeded():
    grey = np.full((4, 16, 16, 3), 100, np.uint8)
    variants = legitimate_variants(grey, fps=24, seed=5)
    brighter = next(variants["brighter"].frames()).reshape(-1, 3)[0]
    darker = next(variants["darker"].frames()).reshape(-1, 3)[0]
    assert list(brighter) == [118, 112, 106] and list(darker) == [84, 88, 92]
    once = np.stack(list(variants["noise_6"].frames()))
    again = np.stack(list(legitimate_variants(grey, fps=24, seed=5)["noise_6"].frames()))
    assert np.array_equal(once, again) and 4 < once.astype(float).std() < 8


def test_shortcuts_show_the_answer_without_the_process():
    first, final = np.zeros((8, 8, 3), np.uint8), np.full((8, 8, 3), 200, np.uint8)
    fade = list(shortcut_frames("crossfade", first, final, 11))
    assert np.array_equal(fade[0], first) and np.array_equal(fade[-1], final) and fade[5][0, 0, 0] == 100
    cut = list(shortcut_frames("final", first, final, 10))
    assert [int(frame[0, 0, 0]) for frame in cut] == [0] * 5 + [200] * 5
    truth = _counting_clip(10)
    assert _shown(shortcut_frames("reversed", first, final, 10, truth)) == list(range(9, -1, -1))
    assert _shown(shortcut_frames("freeze", first, final, 10, truth)) == [0, 1, 2, 3, 4, 5, 5, 5, 5, 5]
    with pytest.raises(ValueError, match="unknown shortcut"):
        next(shortcut_frames("teleport", first, final, 4))


def test_a_truth_settled_by_half_way_is_told_from_one_still_moving():
    """Codec noise (a few pixels off) after half-way is settled; a step of 64 pixels is not."""
    truth = np.zeros((10, 512, 512, 3), np.uint8)
    truth[7, 100:103, 100:103] = 200  # 9 pixels of one later frame: a keyframe's ringing
    truth[3, 300:308, 300:308] = 255  # a change before half-way does not count
    assert settled_from(truth, 5)
    truth[8, 200:208, 200:208] = 255  # 64 pixels: a step of the process
    assert not settled_from(truth, 5)


def test_a_truth_that_only_fades_is_told_from_one_that_moves():
    """A symbol fading out where nothing moves is a dissolve (its cross-fade shortcut is the answer); a square
    sliding across is not; nor is a truth whose ends do not differ."""
    first = np.full((64, 64, 3), 240, np.uint8)
    first[20:40, 10:30] = (40, 90, 220)
    final = np.full((64, 64, 3), 240, np.uint8)
    fade = np.stack(list(shortcut_frames("crossfade", first, final, 12)))
    assert is_dissolve(fade)
    slide = np.stack([np.roll(first, 2 * k, axis=1) for k in range(12)])
    assert not is_dissolve(slide)
    assert not is_dissolve(np.stack([first] * 6))


def test_nudges_are_six_pixels_or_a_tenth_of_the_object():
    offsets = nudged_positions(80)
    assert sorted(offsets.values()) == sorted([(6, 6), (-6, -6), (8, 0), (0, -8)])


def test_typeface_switches_family_and_size_only_inside_the_block():
    assert len(FAMILIES) >= 4
    default = font(20)
    with typeface("liberation-serif", scale=1.3):
        switched = font(20)
        assert switched.getname()[0] == "Liberation Serif" and switched.size == 26
        assert font(20, family="dejavu-sans").getname()[0] == "DejaVu Sans"
    assert font(20) is default and default.getname()[0] == "DejaVu Sans"
    with pytest.raises(ValueError, match="liberation-mono"):
        with typeface("comic-sans"):
            pass


@pytest.fixture(scope="module")
def slide_samples(tmp_path_factory):
    """Two samples each of the robust and the fragile slide task (installed for this module)."""
    root = install_slide_tasks(tmp_path_factory.mktemp("slide-site"))
    sys.path.insert(0, str(root))
    forget_plugins()
    out = tmp_path_factory.mktemp("slide-samples")
    yield {key: make_samples(key, out, count=2, seed=3) for key in (ROBUST_KEY, FRAGILE_KEY)}
    sys.path.remove(str(root))
    forget_plugins()


@pytest.fixture(scope="module")
def certificates(slide_samples, tmp_path_factory):
    work = tmp_path_factory.mktemp("suite")
    return {key: certify(key, [run_suite(samples[0], work / key, samples[1])]) for key, samples in slide_samples.items()}


def test_a_scorer_judging_the_rule_earns_the_certificate(certificates):
    certificate = certificates[ROBUST_KEY]
    assert certificate.passed, [(v.name, v.problem) for v in certificate.misses]
    groups = {verdict.group for verdict in certificate.verdicts}
    assert groups == {"oracle", "variant", "alternative", "shortcut", "near_miss"}
    assert {"nudged_6px_down_right", "stops_short", "crossfade", "size_1280x720"} <= set(certificate.means())


def test_a_scorer_judging_our_pixels_fails_on_colour_pace_and_the_jump_cut(certificates):
    certificate = certificates[FRAGILE_KEY]
    missed = {f"{verdict.group}:{verdict.name}" for verdict in certificate.misses}
    assert not certificate.passed
    assert {"variant:brighter", "variant:fps_16", "variant:slow_1.5x", "shortcut:final", "shortcut:crossfade"} <= missed
    assert certificate_rows(certificate)[0].status == MISS


def test_end_state_tasks_are_exempt_from_the_jump_cut_and_cross_fade(certificates, slide_samples, tmp_path):
    result = run_suite(slide_samples[FRAGILE_KEY][0], tmp_path / "again", slide_samples[FRAGILE_KEY][1])
    result.process_required = False
    verdicts = {verdict.name: verdict for verdict in certify(FRAGILE_KEY, [result]).verdicts}
    assert verdicts["final"].status == verdicts["crossfade"].status == EXEMPT
    assert verdicts["mirror"].status == MISS
    again = {verdict.name: verdict.mean for verdict in certificates[FRAGILE_KEY].verdicts}
    assert {name: verdict.mean for name, verdict in verdicts.items()} == again  # the suite is deterministic


def test_review_gallery_shows_the_certificate_with_misses_first_and_links_to_videos(slide_samples, tmp_path):
    from vbvr_core.review import ReviewContext, run_review
    from vbvr_core.review.gallery import write_gallery
    from vbvr_core.review.robustness import check_robustness_certificate

    context = ReviewContext.for_key(FRAGILE_KEY, tmp_path / "work", samples=2)
    report = run_review(context, checks=[check_robustness_certificate])
    assert report.results[0].status.value == "warn" and "variant:brighter" in report.results[0].message
    index = write_gallery(context, report, tmp_path / "gallery")
    html = index.read_text("utf-8")
    assert html.index("Robustness certificate") < html.index('class="sample"')
    first_row = html.split('<table class="robustness">')[1].split("</tr>")[1]
    assert 'class="miss"' in first_row
    link = first_row.split('href="')[1].split('"')[0]
    assert (tmp_path / "gallery" / link).stat().st_size > 1000


class SlideContract(SampleContract):
    """The shared contract pointed at the robust slide task (not collected: the name does not start with Test)."""

    key = ROBUST_KEY


def test_the_contract_scores_named_near_misses_and_refuses_unknown_names(slide_samples, tmp_path):
    def check(**settings):
        contract = type("Slide", (SlideContract,), settings)()
        contract.test_declared_near_misses_score_low(slide_samples[ROBUST_KEY], tmp_path)

    check(near_misses=("stops_short",))
    check(near_misses=True)
    with pytest.raises(AssertionError, match="declares no near miss named"):
        check(near_misses=("stops_early",))
    with pytest.raises(AssertionError, match=r"near miss stops_short scored 0\.\d+ > -0\.01"):
        check(near_misses=True, near_miss_max=-0.01)  # a ceiling no score meets: the score is compared and named


def test_the_contract_names_the_readme_rows_that_are_missing(slide_samples):
    # the README next to this file's tests/ folder is vbvr-core's, which has no slide-task parameter table
    with pytest.raises(AssertionError, match=r"parameter table is out of date.*`y`"):
        SlideContract().test_readme_documents_every_parameter()
