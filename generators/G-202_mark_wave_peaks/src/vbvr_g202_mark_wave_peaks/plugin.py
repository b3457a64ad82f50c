"""Declares task G-202 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-202_mark_wave_peaks",
    title="Mark the peaks of a wave",
    category=Category.PERCEPTION,
    description=(
        "A smooth wave curve runs across a light canvas, its crests evenly or unevenly spaced, of equal or "
        "varied heights, on a level or tilted middle line; at each crest in turn, from the left, a red ring is "
        "drawn stroke by stroke and a red dot grown at its centre, and nothing else changes. Only the answer is "
        "asked for, so the process is not required."
    ),
    generator="vbvr_g202_mark_wave_peaks.generator:WavePeaksGenerator",
    scorer="vbvr_g202_mark_wave_peaks.scorer:score",
    process_required=False,
)
