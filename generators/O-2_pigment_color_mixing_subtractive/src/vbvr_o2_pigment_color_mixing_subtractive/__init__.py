"""VBVR task O-2_pigment_color_mixing_subtractive (perception)."""
