"""VBVR task O-16_color_addition (perception)."""
