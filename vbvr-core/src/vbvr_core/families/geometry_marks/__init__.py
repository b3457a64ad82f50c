"""Geometry marks: red marks on points of a construction (an intersection, a side's midpoint, dots in a region),
and the judge of which points they mark.

Plane geometry (sides, angles, distances, crossings) is core's :mod:`vbvr_core.plane`. ``draw`` (dots, segments and marks drawn on
several points in turn), ``task`` (``PointMarkGenerator``: the answer's rings drawn point by point, and the
sample) and ``judge`` (``judge_point_marks``)."""
