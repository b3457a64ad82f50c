"""VBVR task G-221_outline_innermost_square (spatiality)."""
