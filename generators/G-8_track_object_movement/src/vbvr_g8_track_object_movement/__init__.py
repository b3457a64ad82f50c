"""VBVR task G-8 track_object_movement (transformation)."""
