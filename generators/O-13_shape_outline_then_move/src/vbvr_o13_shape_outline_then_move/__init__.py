"""VBVR task O-13_shape_outline_then_move (abstraction)."""
