"""Symbol rows: a centred row of coloured glyphs edited symbol by symbol (deleted, substituted, copies inserted by
a rule), and the judge.

``draw`` holds the symbol sets, their names in prompts, the row geometry and the sprites (a glyph, a faded
copy, a marking frame); a task composes its frames from :class:`~vbvr_core.families.symbol_row.draw.Piece`
placements on a :class:`~vbvr_core.families.symbol_row.draw.RowStage`. ``judge`` reads a model's video: its
colours mapped onto ours, each expected slot compared with the reference by the soft IoU of its ink, which glyph
of a set a slot shows, stray ink where the reference row has none, the outer edge of the row while it closes or
opens a gap, and the ink of one symbol in its own box while it fades out or in. ``params`` holds the parameters
every task declares alike (the symbol set, the background, a position in the row); ``deletion`` the solution,
scene and generator of deleting one symbol (O-5, O-58); ``insertion`` the scene of symbols coming into gaps
(O-59, O-61). Used by O-5, O-58, O-59, O-60 and O-61.
"""
