"""Marking: a ring drawn around the answer, and the judge of which candidate it encloses."""
