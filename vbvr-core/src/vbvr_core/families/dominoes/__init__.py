"""Domino chains seen from above: who knocks whom, the chain reaction drawn domino by domino, and its judge.

- :mod:`.chain`: dominoes (a standing bar seen from above, falling along its facing direction), the rule of
  the chain (a falling domino knocks every domino whose bar stands within its length in front of it), the
  fall schedule (who falls, when, knocked by whom, how far each lies) and the near-threshold pairs a generator
  rejects as ambiguous;
- :mod:`.draw`: a scene of standing blue bars that tip over into red tiles lying toward the next domino;
- :mod:`.scene`: a task's sample — the solution facts its scorer reads, the chain reaction over the task's floor,
  the alternatives with the fallen dominoes painted otherwise, replays of wrong schedules (near misses);
- :mod:`.task`: the generator flow every domino task shares (``ChainGenerator``: lay out, fall, check, draw);
- :mod:`.judge`: reads, per domino and frame, whether the ground it would cover when lying is covered (fallen)
  and its bar still stands, and judges the start, the end state of every domino, the order of the falls and
  their spread in time (a cut or a cross-fade topples everything at once), on a task's solution as well; a
  domino's footprint (bar and lying tile) serves a generator's overlap check too; ``score_chain`` is the scorer a
  domino task's plugin names.
"""
