"""VBVR task O-38_majority_color (perception)."""
