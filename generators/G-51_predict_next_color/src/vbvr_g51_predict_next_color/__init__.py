"""VBVR task G-51_predict_next_color (abstraction)."""
