"""VBVR task O-12_shape_color_then_scale (abstraction)."""
