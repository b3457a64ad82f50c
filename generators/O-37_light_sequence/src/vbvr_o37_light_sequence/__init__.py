"""VBVR task O-37_light_sequence (abstraction)."""
