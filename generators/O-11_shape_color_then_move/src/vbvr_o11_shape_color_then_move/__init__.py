"""VBVR task O-11_shape_color_then_move (abstraction)."""
