"""VBVR task G-25_seperate_object_spinning (transformation)."""
