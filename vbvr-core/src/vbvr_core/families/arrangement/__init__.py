"""Arrangements: objects moved into places in a row, and the judge of the order they end in — moves, sprites and
samples (``draw``), the generator of a plan of moves on a plain background (``task.MovesGenerator``), and the judge
(``judge``: ``judge_followed`` with a task's follow, ``judge_arrangement`` for objects of their own colours)."""
