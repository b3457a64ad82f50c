"""VBVR task G-174 arrange_circles_by_circumference (perception)."""
