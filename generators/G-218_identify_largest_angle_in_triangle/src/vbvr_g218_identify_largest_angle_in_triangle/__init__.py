"""VBVR task G-218 identify_largest_angle_in_triangle (perception)."""
