"""VBVR task O-46_shape_sorter (transformation)."""
