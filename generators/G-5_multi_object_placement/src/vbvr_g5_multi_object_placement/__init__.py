"""VBVR task G-5_multi_object_placement (perception)."""
