"""Geometry marks: red marks on points of a construction (an intersection, a side's midpoint, dots in a region),
and the judge of which points they mark."""
