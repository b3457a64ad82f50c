"""VBVR task O-23_domino_chain_branch_path_prediction (knowledge)."""
