"""Stacking: pieces carried one at a time into places of their own (cards into outlines, animal faces into their
silhouettes or a sorted row), and the judge of each piece's arrival, the one-at-a-time order and the travel; the
generator of such tasks is ``task.OneAtATimeGenerator``."""
