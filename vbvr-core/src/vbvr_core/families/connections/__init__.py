"""Connections: lines drawn between points (numbered dots joined in order, circles of one colour joined in pairs),
grown stroke by stroke beneath the points; the judge of which pairs are joined — by a straight segment or by a
curve of a colour — of extra joins, and of the strokes growing one after another.

- :mod:`.draw`: strokes grown beneath the points (:class:`~.draw.StrokeScene`: the points on a white canvas, the
  first and final pictures and the video) — distances and crossings of lines are :mod:`vbvr_core.plane`'s;
- :mod:`.judge`: :func:`~.judge.judge_links`, and :func:`~.judge.read_answer`, its reading of one answer picture
  for a generator's check of its own answer."""
