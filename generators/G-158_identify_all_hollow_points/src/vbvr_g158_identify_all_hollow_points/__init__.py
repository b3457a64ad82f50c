"""VBVR task G-158_identify_all_hollow_points (perception)."""
