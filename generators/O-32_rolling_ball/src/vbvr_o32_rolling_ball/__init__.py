"""VBVR task O-32_rolling_ball (transformation)."""
