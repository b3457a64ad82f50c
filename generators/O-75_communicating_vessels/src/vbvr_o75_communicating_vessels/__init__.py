"""VBVR task O-75_communicating_vessels (knowledge)."""
