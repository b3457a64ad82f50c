"""The one table of what a scorer must give each kind of video (DESIGN.md, "Scorer validity has two sides").

``vbvr review``, :class:`vbvr_core.testing.contract.SampleContract`, ``vbvr-bench validate-scorers`` and the
robustness certificate (:mod:`vbvr_core.judge.certificate`) all read their limits from here.

- the ground truth (oracle) scores at least :data:`ORACLE_MIN` on every sample;
- a *legitimate variant* (another codec quality, size, frame rate, pacing, blur, colour drift, noise) and a
  task-declared *alternative* (another valid solution, font, offset) keep at least :data:`VARIANT_MIN` on every
  sample and :data:`VARIANT_MEAN_MIN` on average;
- a *shortcut* (doing nothing, noise, the answer without the process, the wrong instance …) stays at most
  :data:`SHORTCUT_MAX` on every sample; the quick checks of review and the task tests fail it only from
  :data:`CLEARLY_LOW` on (between the two, review warns);
- another sample's solution scores at least :data:`SHUFFLE_MARGIN` below the oracle on average;
- a task-declared *near miss* (a wrong answer drawn the same way, a step skipped) scores strictly below the
  oracle of its sample.
"""

from __future__ import annotations

ORACLE_MIN = 0.98
VARIANT_MIN = 0.9
VARIANT_MEAN_MIN = 0.95
SHORTCUT_MAX = 0.1
CLEARLY_LOW = 0.5
SHUFFLE_MARGIN = 0.3
