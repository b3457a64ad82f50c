"""VBVR task O-36 grid_shift (transformation)."""
