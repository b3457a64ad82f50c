"""VBVR task O-47 sliding_puzzle (abstraction)."""
