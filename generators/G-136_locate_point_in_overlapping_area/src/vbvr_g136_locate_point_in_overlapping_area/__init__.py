"""VBVR task G-136_locate_point_in_overlapping_area (perception)."""
