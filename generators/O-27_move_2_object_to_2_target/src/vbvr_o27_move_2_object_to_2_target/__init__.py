"""VBVR task O-27_move_2_object_to_2_target (transformation)."""
