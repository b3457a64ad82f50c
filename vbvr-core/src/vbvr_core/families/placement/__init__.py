"""Placement: solid pieces slide (after turning in place, if asked) into dashed outlines of themselves; the generator
of such tasks is ``task.PlacementGenerator``."""
