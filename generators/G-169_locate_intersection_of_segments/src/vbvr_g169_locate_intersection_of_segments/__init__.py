"""VBVR task G-169_locate_intersection_of_segments (perception)."""
