"""VBVR task G-9_identify_objects_in_region (perception)."""
