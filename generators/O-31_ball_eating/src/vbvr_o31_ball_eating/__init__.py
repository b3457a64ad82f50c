"""VBVR task O-31_ball_eating (perception)."""
