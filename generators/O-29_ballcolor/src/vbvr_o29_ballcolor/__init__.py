"""VBVR task O-29_ballcolor (abstraction)."""
