"""VBVR task O-10_shape_outline_fill (abstraction)."""
