"""VBVR task O-56 raven (abstraction)."""
