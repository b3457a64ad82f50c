"""VBVR task G-21_multiple_occlusions_vertical (transformation)."""
