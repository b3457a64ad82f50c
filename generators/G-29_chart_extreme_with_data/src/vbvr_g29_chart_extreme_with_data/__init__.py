"""VBVR task G-29_chart_extreme_with_data (abstraction)."""
