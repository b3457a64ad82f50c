"""H.264 video on PyAV: a byte-stable streaming writer and a reader that never raises.

Writer: libx264, yuv420p, one encoder thread and fixed options, so the same frames give the same
bytes on any machine with the same PyAV build. Frames are streamed: memory stays flat however long
the video.

Reader: :func:`read_video` decodes any file a model may hand us, resamples it to the size, frame rate
and length a scorer asks for, and reports a problem (``VideoClip.error``) instead of raising.

What a model video may be (anything else is refused with the reason, so the bench records ``bad_video``):
at most :data:`MAX_VIDEO_SECONDS` long by its stream's declared duration *and* by its frames' timestamps,
frames at most :data:`MAX_FRAME_SIDE` pixels a side; frames past :data:`MAX_SOURCE_FRAMES` are cut with a
note. So the memory a clip takes is bounded by what the scorer asks for (size × fps × 60 s), never by
what the file claims: a 10 KB file stamped at 4 hours is refused before one frame is decoded.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import av
import cv2
import numpy as np
from av.video.reformatter import VideoReformatter

from vbvr_core.contract import FPS, FRAME_SIZE, VideoFacts

PRESET = "superfast"
CRF = "18"
# Options that fix the encoder's output: one thread (no nondeterministic slicing), no scene-cut
# randomness beyond the stream itself, a fixed keyframe interval.
X264_OPTIONS = {"preset": PRESET, "crf": CRF, "threads": "1", "g": "48", "bf": "0"}

# Bounds of a model video (see the module docstring). Samples last a few seconds and the public models'
# videos 5-10 s: a minute is generous, and at a scorer's usual 256² × 24 fps it bounds a clip to ≈ 280 MB.
MAX_VIDEO_SECONDS = 60.0
MAX_SOURCE_FRAMES = 24 * 60
MAX_FRAME_SIDE = 4096
# The rate rule-based judges read a model video at (``clip(fps=JUDGE_FPS)``), whatever its own: a state a
# pacing shows for 1/12 s or longer is seen, and a 10-s video is 120 frames to judge.
JUDGE_FPS = 12.0


class VideoBoundsError(ValueError):
    """A video outside the bounds a model video may have (too long, absurd timestamps, huge frames)."""


class VideoWriter:
    """Stream RGB frames into an H.264 mp4; use as a context manager.

    ``write(frame)`` takes an HxWx3 uint8 array of the writer's size; ``close()`` flushes the encoder.
    ``crf`` is x264's quality (lower is better; samples use :data:`CRF`, the robustness suite a lossier one).
    """

    def __init__(self, path: str | Path, width: int = FRAME_SIZE, height: int = FRAME_SIZE, fps: int = FPS,
                 crf: int = int(CRF)):
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.frames_written = 0
        self._container = av.open(str(self.path), mode="w", format="mp4")
        self._stream = self._container.add_stream("libx264", rate=fps, options={**X264_OPTIONS, "crf": str(crf)})
        self._stream.width, self._stream.height = width, height
        self._stream.pix_fmt = "yuv420p"
        self._stream.thread_count = 1
        self._stream.thread_type = "NONE"
        # The encoder's own conversion (the same swscale call it makes for an RGB frame), done here so that a
        # frame repeated as the very same array (``held`` repeats the first and last) is converted once.
        self._reformatter = VideoReformatter()
        self._previous: np.ndarray | None = None
        self._previous_rgb: av.VideoFrame | None = None
        self._previous_yuv: av.VideoFrame | None = None

    def write(self, frame: np.ndarray) -> None:
        """Encode one frame (HxWx3 uint8 RGB, the writer's size)."""
        if frame.shape != (self.height, self.width, 3) or frame.dtype != np.uint8:
            raise ValueError(
                f"frame {self.frames_written} has shape {frame.shape} {frame.dtype}; "
                f"expected ({self.height}, {self.width}, 3) uint8"
            )
        # Reused only when it is the previous array *and* still holds the pixels then copied into the RGB frame (a
        # caller may draw into one buffer and hand it over again).
        if frame is not self._previous or not np.array_equal(frame, self._rgb_pixels(self._previous_rgb)):
            rgb = av.VideoFrame.from_ndarray(np.ascontiguousarray(frame), format="rgb24")
            self._previous_yuv = self._reformatter.reformat(rgb, self.width, self.height, "yuv420p", threads=1)
            self._previous, self._previous_rgb = frame, rgb
        video_frame = self._previous_yuv
        video_frame.pts = self.frames_written
        for packet in self._stream.encode(video_frame):
            self._container.mux(packet)
        self.frames_written += 1

    def _rgb_pixels(self, rgb: av.VideoFrame) -> np.ndarray:
        """The pixels of an RGB frame made by :meth:`write`, as a view of its buffer (rows may be padded)."""
        plane = rgb.planes[0]
        rows = np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)
        return rows[:self.height, :3 * self.width].reshape(self.height, self.width, 3)

    def close(self) -> None:
        """Flush the encoder and close the file."""
        for packet in self._stream.encode(None):
            self._container.mux(packet)
        self._container.close()

    def __enter__(self) -> VideoWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def held(frames: Iterable[np.ndarray], hold: int) -> Iterator[np.ndarray]:
    """Yield ``frames`` with the first and the last repeated ``hold`` extra times.

    Holding the start and end states lets a viewer (or a model) see them before and after the motion.
    """
    iterator = iter(frames)
    try:
        first = next(iterator)
    except StopIteration:
        return
    yield from itertools.repeat(first, hold + 1)
    last = first
    for last in iterator:
        yield last
    yield from itertools.repeat(last, hold)


def write_video(path: str | Path, frames: Iterable[np.ndarray], fps: int = FPS, crf: int = int(CRF)) -> int:
    """Encode ``frames`` (streamed) to ``path`` at quality ``crf``; return the number of frames written."""
    iterator = iter(frames)
    first = next(iterator, None)
    if first is None:
        raise ValueError("write_video: no frames to write")
    height, width = first.shape[:2]
    with VideoWriter(path, width=width, height=height, fps=fps, crf=crf) as writer:
        writer.write(first)
        for frame in iterator:
            writer.write(frame)
        return writer.frames_written


def probe_video(path: str | Path) -> VideoFacts:
    """Read back a written video's facts and a sha256 of its decoded YUV planes.

    Raises ``av.error.FFmpegError`` on an unreadable file: this is for our own outputs; model videos
    go through :func:`read_video`.
    """
    digest = hashlib.sha256()
    count = 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_count = 1
        codec = stream.codec_context.name
        pix_fmt = stream.codec_context.pix_fmt or ""
        width, height = stream.codec_context.width, stream.codec_context.height
        fps = int(round(float(stream.average_rate or stream.guessed_rate or 0)))
        for frame in container.decode(stream):
            digest.update(frame.to_ndarray())  # hashed in place: the array is C-contiguous, no bytes copy
            count += 1
    return VideoFacts(
        frames=count, fps=fps, width=width, height=height, codec=codec, pix_fmt=pix_fmt,
        decoded_sha256=digest.hexdigest(),
    )


@dataclass
class VideoClip:
    """Frames decoded for a scorer: ``frames`` is (T, H, W, 3) uint8 RGB, resampled as asked.

    ``error`` is None for a good video, else why it could not be used (empty, corrupt, no video
    stream, too short ...). ``source_*`` describe the file as it was.
    """

    frames: np.ndarray
    fps: float
    error: str | None = None
    source_size: tuple[int, int] | None = None
    source_fps: float | None = None
    source_frames: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the clip has frames and no error."""
        return self.error is None and len(self.frames) > 0

    @classmethod
    def failed(cls, reason: str, size: int = 1) -> VideoClip:
        """An empty clip carrying the reason it failed."""
        return cls(frames=np.zeros((0, size, size, 3), np.uint8), fps=0.0, error=reason)


def _plane(frame: av.VideoFrame, index: int, width: int, height: int) -> np.ndarray:
    """Plane ``index`` of a decoded frame as a ``height``×``width`` view of the decoder's buffer (no copy)."""
    plane = frame.planes[index]
    return np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)[:height, :width]


def _to_rgb(frame: av.VideoFrame, width: int, height: int, out: np.ndarray | None = None) -> np.ndarray:
    """One decoded frame as RGB at ``width``×``height`` (written into ``out`` when given).

    For limited-range yuv420p (what H.264 encoders write) the three planes are shrunk with area averaging
    straight from the decoder's buffers into one I420 picture and converted once by OpenCV: 2-3x cheaper
    than swscale's convert-and-scale and closer to the source picture (swscale's bilinear filter smears
    edges). Anything else goes through swscale.
    """
    if frame.format.name == "yuv420p" and frame.width % 2 == 0 and frame.height % 2 == 0 \
            and width % 2 == 0 and height % 2 == 0:
        area = width * height
        i420 = np.empty(area * 3 // 2, np.uint8)
        targets = (i420[:area].reshape(height, width),
                   i420[area:area * 5 // 4].reshape(height // 2, width // 2),
                   i420[area * 5 // 4:].reshape(height // 2, width // 2))
        for index, target in enumerate(targets):
            divisor = 1 if index == 0 else 2
            source = _plane(frame, index, frame.width // divisor, frame.height // divisor)
            if source.shape == target.shape:
                target[:] = source
            else:
                cv2.resize(source, (target.shape[1], target.shape[0]), dst=target, interpolation=cv2.INTER_AREA)
        return cv2.cvtColor(i420.reshape(height * 3 // 2, width), cv2.COLOR_YUV2RGB_I420, dst=out)
    rgb = frame.reformat(width=width, height=height, format="rgb24").to_ndarray()
    if out is None:
        return rgb
    out[:] = rgb
    return out


class _FrameStack:
    """A (T, H, W, 3) uint8 stack filled frame by frame, without a list of frames and a final copy: each frame
    is converted straight into its slot, a repeated frame is copied from the slot before."""

    def __init__(self, width: int, height: int, capacity: int):
        self.data = np.empty((max(1, capacity), height, width, 3), np.uint8)
        self.count = 0

    def slot(self) -> np.ndarray:
        """The next free frame slot (the stack grows as needed)."""
        if self.count == len(self.data):
            grown = np.empty((2 * len(self.data), *self.data.shape[1:]), np.uint8)
            grown[:self.count] = self.data
            self.data = grown
        self.count += 1
        return self.data[self.count - 1]

    def repeat(self) -> None:
        """Append a copy of the last frame."""
        last = self.data[self.count - 1]
        self.slot()[:] = last

    def frames(self) -> np.ndarray:
        """The filled frames (copied out when the stack is much larger, so the spare slots are freed)."""
        if self.count < 0.75 * len(self.data):
            return self.data[:self.count].copy()
        return self.data[:self.count]


def check_bounds(stream) -> None:
    """Raise :class:`VideoBoundsError` when ``stream`` declares a size or duration no model video may have.

    Checked before anything is decoded, from the container's header only.
    """
    width, height = stream.codec_context.width, stream.codec_context.height
    if width > MAX_FRAME_SIDE or height > MAX_FRAME_SIDE:
        raise VideoBoundsError(f"frames of {width}x{height} pixels; a model video may have at most "
                               f"{MAX_FRAME_SIDE} pixels a side")
    if stream.duration is not None and stream.time_base:
        declared = float(stream.duration * stream.time_base)
        if declared > MAX_VIDEO_SECONDS:
            raise VideoBoundsError(f"declares {declared:.0f} s; a model video may last at most "
                                   f"{MAX_VIDEO_SECONDS:g} s")


def _timed_frames(container: av.container.InputContainer, stream, limit: int, notes: list[str]):
    """Yield (frame, seconds) for at most ``limit`` decoded frames, noting a cut.

    Raises :class:`VideoBoundsError` for a frame stamped more than :data:`MAX_VIDEO_SECONDS` away from the
    first one (a header can lie about the duration; the timestamps are what resampling follows).
    """
    time_base = float(stream.time_base) if stream.time_base else None
    rate = float(stream.average_rate or stream.guessed_rate or 0) or FPS
    start = None
    for index, frame in enumerate(container.decode(stream)):
        if index >= limit:
            notes.append(f"cut at {limit} frames")
            return
        seconds = frame.pts * time_base if frame.pts is not None and time_base else index / rate
        start = seconds if start is None else start
        if not math.isfinite(seconds) or abs(seconds - start) > MAX_VIDEO_SECONDS:
            raise VideoBoundsError(f"frame {index} is stamped at {seconds:.0f} s, {seconds - start:.0f} s after the "
                                   f"first; a model video may last at most {MAX_VIDEO_SECONDS:g} s")
        yield frame, seconds


def _resampled(timed, fps: float, interval: float, stack: _FrameStack, convert) -> None:
    """Fill ``stack`` with frames at ``fps``: for each target time from the first frame's on, the last frame shown
    at or before it (the clip lasts as long as the source, whose frames last ``interval`` seconds). Only picked
    frames are converted (``convert(frame, out)``); a frame picked again is copied."""
    start = previous = last_time = None
    emitted = 0
    for frame, time in timed:
        if start is None:
            start = time
        fresh = True
        while previous is not None and start + emitted / fps < time:
            if fresh:
                convert(previous, stack.slot())
                fresh = False
            else:
                stack.repeat()
            emitted += 1
        previous, last_time = frame, time
    if previous is None:
        return
    # The last frame lasts one source interval, but never more than a second, and the clip never more than
    # the bound: a header's frame rate (0.0001 fps) is no more trusted than its duration.
    span = min(last_time - start + min(interval, 1.0), MAX_VIDEO_SECONDS)
    total = max(1, int(round(span * fps)))
    fresh = True
    while emitted < total:
        if fresh:
            convert(previous, stack.slot())
            fresh = False
        else:
            stack.repeat()
        emitted += 1


# A first stack is allocated for the frames the header announces, but never more than this (a header may lie;
# the stack grows as frames actually arrive).
FIRST_STACK_BYTES = 64 * 2**20
# A VideoReader keeps a video's decoded frames up to this many bytes, so a scorer's second clip (another size or
# rate) is converted from them instead of decoding the file again; a larger video is decoded again.
KEEP_DECODED_BYTES = 128 * 2**20


@dataclass
class _Decoded:
    """A video's decoded frames with their times, kept for further clips, and what was learnt decoding it."""

    frames: list[tuple[av.VideoFrame, float]]
    source_fps: float | None
    source_size: tuple[int, int]
    notes: list[str]


def _capacity(announced: int, source_fps: float | None, fps: float | None, frame_bytes: int) -> int:
    """How many frames a clip's first stack holds: what the header announces, resampled, within bounds."""
    if fps is None:
        estimate, bound = announced, MAX_SOURCE_FRAMES
    else:
        estimate, bound = int(announced / (source_fps or FPS) * fps) + 2, int(MAX_VIDEO_SECONDS * fps) + 2
    return max(1, min(estimate, bound, FIRST_STACK_BYTES // frame_bytes))


def _read(path: Path, width: int, height: int, fps: float | None, num_frames: int | None, max_source_frames: int,
          source: _Decoded | None = None, keep_bytes: int = 0) -> tuple[VideoClip, _Decoded | None]:
    """:func:`read_video` from the file, or from ``source`` (frames decoded before); with ``keep_bytes`` it also
    returns the decoded frames when they took at most that many bytes (else None)."""
    notes: list[str] = []
    decoded = 0
    kept: list | None = None

    def convert(frame: av.VideoFrame, out: np.ndarray) -> None:
        _to_rgb(frame, width, height, out)

    def fill(timed, announced: int, source_fps: float | None) -> _FrameStack:
        stack = _FrameStack(width, height, _capacity(announced, source_fps, fps, width * height * 3))
        if fps is None:
            for frame, _ in timed:
                convert(frame, stack.slot())
        else:
            _resampled(timed, fps, 1.0 / (source_fps or FPS), stack, convert)
        return stack

    try:
        if source is not None:
            source_fps, source_size = source.source_fps, source.source_size
            notes, decoded = list(source.notes), len(source.frames)
            stack = fill(iter(source.frames), len(source.frames), source_fps)
        else:
            if not path.is_file():
                return VideoClip.failed(f"missing video: {path.name}", width), None
            if path.stat().st_size == 0:
                return VideoClip.failed("empty file (0 bytes)", width), None
            with av.open(str(path)) as container:
                if not container.streams.video:
                    return VideoClip.failed("no video stream in file", width), None
                stream = container.streams.video[0]
                stream.thread_type = "NONE"  # scorers run one process per core; decoder threads only add overhead
                check_bounds(stream)
                source_fps = float(stream.average_rate or stream.guessed_rate or 0) or None
                source_size = (stream.codec_context.width, stream.codec_context.height)
                kept = [] if keep_bytes > 0 else None
                budget = keep_bytes

                def counted():
                    nonlocal decoded, kept, budget
                    for item in _timed_frames(container, stream, max_source_frames, notes):
                        decoded += 1
                        if kept is not None:
                            budget -= sum(plane.buffer_size for plane in item[0].planes)
                            if budget < 0:
                                kept = None
                            else:
                                kept.append(item)
                        yield item

                stack = fill(counted(), max(0, int(stream.frames or 0)), source_fps)
    except VideoBoundsError as error:
        return VideoClip.failed(f"video out of bounds: {error}", width), None
    except Exception as error:  # noqa: BLE001 - a model video may break the decoder in any way
        return VideoClip.failed(f"unreadable video: {type(error).__name__}: {error}".strip()[:300], width), None
    if not stack.count:
        return VideoClip.failed("video has no decodable frames", width), None
    frames = stack.frames()
    if num_frames is not None and len(frames) != num_frames:
        picks = np.round(np.linspace(0, len(frames) - 1, num_frames)).astype(int)
        frames = frames[picks]
    clip = VideoClip(
        frames=frames, fps=float(fps) if fps is not None else (source_fps or float(FPS)),
        source_size=source_size, source_fps=source_fps, source_frames=decoded, notes=notes,
    )
    keep = _Decoded(kept, source_fps, source_size, list(notes)) if kept else None
    return clip, keep


def read_video(
    path: str | Path,
    size: int | tuple[int, int] = 256,
    fps: float | None = None,
    num_frames: int | None = None,
    max_source_frames: int = MAX_SOURCE_FRAMES,
) -> VideoClip:
    """Decode ``path`` to RGB frames at ``size`` (square int or (width, height)); never raises.

    ``fps`` resamples in time (for each target time the last frame shown at or before it; only those frames
    are colour-converted); ``num_frames`` then picks that many frames evenly from start to end. Colour
    conversion happens at the target size (cheap). Videos longer than ``max_source_frames`` are cut there,
    with a note. Any problem, including a video outside the bounds of the module docstring, is returned as
    ``VideoClip.error``.
    """
    width, height = (size, size) if isinstance(size, int) else size
    return _read(Path(path), width, height, fps, num_frames, max_source_frames)[0]


class VideoReader:
    """A lazy handle on a model's video: scorers ask for frames at the size, fps and length they need.

    Decoding happens on the first :meth:`clip` call; its decoded frames are kept (up to
    :data:`KEEP_DECODED_BYTES`), so a clip of another size or rate is converted from them without decoding
    again. Each clip is cached by its arguments. :attr:`error` is the first reason any requested clip could not
    be used (None while every clip was fine).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._cache: dict[tuple, VideoClip] = {}
        self._decoded: _Decoded | None = None

    def clip(self, size: int | tuple[int, int] = 256, fps: float | None = None,
             num_frames: int | None = None) -> VideoClip:
        """Frames resampled as asked; see :func:`read_video`. Never raises."""
        key = (size, fps, num_frames)
        if key not in self._cache:
            width, height = (size, size) if isinstance(size, int) else size
            clip, decoded = _read(self.path, width, height, fps, num_frames, MAX_SOURCE_FRAMES, self._decoded,
                                  KEEP_DECODED_BYTES if self._decoded is None else 0)
            self._decoded = self._decoded or decoded
            self._cache[key] = clip
        return self._cache[key]

    @property
    def error(self) -> str | None:
        """Why a requested clip was unusable (empty, corrupt, no frames), or None."""
        return next((clip.error or "video has no frames" for clip in self._cache.values() if not clip.ok), None)
