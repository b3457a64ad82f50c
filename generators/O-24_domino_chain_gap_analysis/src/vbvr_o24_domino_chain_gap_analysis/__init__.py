"""VBVR task O-24_domino_chain_gap_analysis (knowledge)."""
