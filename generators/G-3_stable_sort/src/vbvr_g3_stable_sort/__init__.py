"""VBVR task G-3 stable_sort (perception)."""
