"""VBVR task O-85 2d_object_rotation (transformation)."""
