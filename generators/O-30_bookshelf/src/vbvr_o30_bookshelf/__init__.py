"""VBVR task O-30_bookshelf (abstraction)."""
