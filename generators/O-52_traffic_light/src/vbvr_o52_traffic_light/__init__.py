"""VBVR task O-52 traffic_light (knowledge)."""
