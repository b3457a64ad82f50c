"""Sample format: the files of DESIGN.md's "One sample on disk", and a video that agrees with its PNGs.

The ground truth is H.264 yuv420p, 512×512, 24 fps; metadata.json's video facts and checksums
describe the files as they are; the decoded first and last frames match first_frame.png and
final_frame.png (a mismatch means the video and the PNGs were rendered from different states).
"""

from __future__ import annotations

from vbvr_core.contract import FPS, FRAME_SIZE
from vbvr_core.media.frames import psnr
from vbvr_core.media.video import probe_video, read_video
from vbvr_core.pipeline.sample_io import (
    FINAL_FRAME,
    FIRST_FRAME,
    GOAL_TEXT,
    VIDEO,
    load_record,
    read_png,
    verify_sample,
)
from vbvr_core.review.context import ReviewContext
from vbvr_core.review.result import Finding, check, fail, ok, warn

MIN_FRAME_PSNR = 30.0
MAX_SECONDS = 30.0


@check("format")
def check_video_format(context: ReviewContext) -> Finding:
    """Every ground truth is H.264 yuv420p 512×512 at 24 fps, and metadata.json describes the files as they are."""
    expected = ("h264", "yuv420p", FRAME_SIZE, FRAME_SIZE, FPS)
    longest = 0.0
    for folder in context.samples:
        problems = verify_sample(folder)
        if problems:
            return fail(f"{problems[0]}: write samples only through BaseGenerator.save / produce")
        record = load_record(folder)
        facts = record.video
        found = (facts.codec, facts.pix_fmt, facts.width, facts.height, facts.fps)
        if found != expected:
            return fail(f"sample {record.index}: video is {found}, expected {expected}; frames must be 512×512 "
                        "uint8 RGB and written with vbvr_core.media.video")
        if facts.frames < 2:
            return fail(f"sample {record.index}: the video has {facts.frames} frame(s); the trajectory must show "
                        "the way from the first to the final state")
        probed = probe_video(folder / VIDEO)
        if (probed.frames, probed.decoded_sha256) != (facts.frames, facts.decoded_sha256):
            return fail(f"sample {record.index}: metadata.json's video facts do not match {VIDEO}")
        for name in (FIRST_FRAME, FINAL_FRAME):
            if (folder / name).exists() and read_png(folder / name).shape != (FRAME_SIZE, FRAME_SIZE, 3):
                return fail(f"sample {record.index}: {name} is not {FRAME_SIZE}×{FRAME_SIZE} RGB")
        longest = max(longest, facts.frames / facts.fps)
    if longest > MAX_SECONDS:
        return warn(f"the longest ground truth lasts {longest:.1f} s (> {MAX_SECONDS:.0f} s): video models "
                    "generate a few seconds; shorten the trajectory or speed it up")
    return ok(f"{len(context.samples)} samples: h264 yuv420p {FRAME_SIZE}² {FPS} fps, checksums match, "
              f"longest {longest:.1f} s")


@check("format")
def check_frames_match_pngs(context: ReviewContext) -> Finding:
    """The video's first and last decoded frames match first_frame.png and final_frame.png (PSNR ≥ 30 dB)."""
    worst = float("inf")
    for folder in context.samples:
        clip = read_video(folder / VIDEO, size=FRAME_SIZE)
        if not clip.ok:
            return fail(f"{folder.name}: the ground truth cannot be decoded: {clip.error}")
        pairs = [("first", clip.frames[0], FIRST_FRAME), ("last", clip.frames[-1], FINAL_FRAME)]
        for which, frame, name in pairs:
            if not (folder / name).exists():
                if name == FINAL_FRAME and (folder / GOAL_TEXT).exists():
                    continue
                return fail(f"{folder.name}: {name} is missing")
            quality = psnr(frame, read_png(folder / name))
            worst = min(worst, quality)
            if quality < MIN_FRAME_PSNR:
                return fail(f"sample {folder.name}: the video's {which} frame differs from {name} "
                            f"(PSNR {quality:.1f} dB < {MIN_FRAME_PSNR:.0f}); the trajectory must start at "
                            "first_frame and end at final_frame")
    return ok(f"first and last frames match the PNGs (worst PSNR {worst:.1f} dB)")


CHECKS = [check_video_format, check_frames_match_pngs]
