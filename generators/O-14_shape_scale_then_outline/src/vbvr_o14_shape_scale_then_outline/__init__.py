"""VBVR task O-14_shape_scale_then_outline (abstraction)."""
