"""Symbol rows: a centred row of coloured glyphs edited symbol by symbol (deleted, substituted, copies inserted by
a rule), and the judge.

``draw`` holds the symbol sets, their names in prompts, the row geometry and the sprites (a glyph, a faded
copy, a marking frame); a task composes its frames from :class:`~vbvr_core.families.symbol_row.draw.Piece`
placements on a :class:`~vbvr_core.families.symbol_row.draw.RowStage`. ``judge`` reads a model's video: its
colours mapped onto ours, each expected slot compared with the reference by the soft IoU of its ink, which glyph
of a set a slot shows, stray ink where the reference row has none, the outer edge of the row while it closes or
opens a gap, and the ink of one symbol in its own box while it fades out or in. Used by O-5, O-58, O-60 and
O-61; O-59 (symbol insert) predates it and could move onto it (its ``slot_matches`` and ``edge_track`` are the
same readings).
"""
