"""VBVR task G-24_separate_objects_no_spin (transformation)."""
