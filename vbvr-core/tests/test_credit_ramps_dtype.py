"""``judge.credit.ramps`` in float32, and the two credits that became calls of it (issue 14): the rotation family's
``fill_likeness`` and O-75's waterness. Each equals, bit for bit, the inline form it replaced."""

from __future__ import annotations

import numpy as np
from vbvr_core.families.rotation.track import FILL_RANGE, fill_likeness
from vbvr_core.judge.credit import ramp, ramps


def test_ramps_in_float32_stays_float32_and_is_ramp_per_element() -> None:
    rng = np.random.default_rng(5)
    values = rng.uniform(-1.0, 3.0, 300).astype(np.float32)
    for full, zero in [(0.0, 1.0), (np.float64(2.0), np.float64(0.5)), (1.5, 0.25)]:
        out = ramps(values, full, zero, np.float32)
        assert out.dtype == np.float32 and out.shape == values.shape  # a float64 scalar full/zero does not widen it
        wide = ramps(values, full, zero)
        assert wide.dtype == np.float64
        assert np.array_equal(wide, [ramp(float(v), float(full), float(zero)) for v in values])
        assert np.allclose(out, wide, atol=1e-6)


def test_fill_likeness_equals_its_former_inline_form() -> None:
    rng = np.random.default_rng(11)
    for _ in range(100):
        color = tuple(int(c) for c in rng.integers(0, 256, 3))
        pixels = rng.uniform(-40.0, 300.0, (2, 24, 24, 3)).astype(np.float32)
        pixels[0, :4] = np.asarray(color, np.float32)  # distance 0: likeness exactly 1
        offsets = pixels - np.asarray(color, dtype=np.float32)
        old = np.clip(1.0 - np.sqrt(np.einsum("...c,...c->...", offsets, offsets)) / FILL_RANGE, 0.0, 1.0)
        new = fill_likeness(pixels, color)
        assert new.dtype == old.dtype == np.float32
        assert np.array_equal(new, old) and np.array_equal(np.signbit(new), np.signbit(old))


def test_o75_waterness_equals_its_former_inline_form() -> None:
    """O-75 reads waterness as ``ramps(margin, 0.75·full, 0.25·full, np.float32)``; it was
    ``clip((margin − 0.25·full) / (0.5·full), 0, 1)``. Equal values; where the margin is exactly a quarter of
    ``full`` the new form gives −0.0 for +0.0 (equal as numbers, and summed into levels it is lost)."""
    rng = np.random.default_rng(75)
    for _ in range(100):
        full = max(50.0, float(np.float32(rng.uniform(0.0, 300.0))))  # a float32 median, as the scorer takes it
        margin = rng.normal(0.5 * full, 0.6 * full, (3, 32, 32)).astype(np.float32)
        margin.flat[:8] = np.float32(0.25 * full)
        margin.flat[8:16] = np.float32(0.75 * full)
        old = np.clip((margin - 0.25 * full) / (0.5 * full), 0.0, 1.0)
        new = ramps(margin, 0.75 * full, 0.25 * full, np.float32)
        assert new.dtype == old.dtype == np.float32
        assert np.array_equal(new, old)
        assert (new[np.signbit(new) != np.signbit(old)] == 0).all()
        assert np.array_equal(new.mean(axis=2).sum(axis=1), old.mean(axis=2).sum(axis=1))
