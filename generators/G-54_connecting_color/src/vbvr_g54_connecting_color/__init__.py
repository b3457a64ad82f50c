"""VBVR task G-54_connecting_color (perception)."""
