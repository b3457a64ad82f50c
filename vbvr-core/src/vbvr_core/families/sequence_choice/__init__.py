"""Sequence choice: a row of figures whose size follows a rule, candidates below, the next figure ringed."""
