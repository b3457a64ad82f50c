"""VBVR task O-15_ball_bounces_given_time (knowledge)."""
