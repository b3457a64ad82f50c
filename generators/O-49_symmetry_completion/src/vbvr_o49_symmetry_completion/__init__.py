"""VBVR task O-49 symmetry_completion (abstraction)."""
