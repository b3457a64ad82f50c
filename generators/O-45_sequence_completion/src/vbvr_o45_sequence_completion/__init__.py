"""VBVR task O-45 sequence_completion (abstraction)."""
