"""VBVR task O-9_shape_scaling (abstraction)."""
