"""VBVR task G-222_mark_tangent_point_of_circles (perception)."""
