"""Colour mixing: coloured discs that move together and mix where they overlap, and the judge of the mixture.

- :mod:`.mixing`: the mixing rules (additive light, subtractive pigment, plain average) and the colour
  distance the judge uses (CIE Lab, lightness half-weighted);
- :mod:`.draw`: frames of discs over a base picture, each pixel covered by several discs painted with the
  mixture of their colours (a glide of two balls into one, pigment drops flowing into a dish);
- :mod:`.judge`: reads a model's video in the sample's own palette (a per-channel gain/offset fit to the
  first frame), and judges the mixture's colour against the expected one and the declared wrong mixtures,
  the sources' travel toward the meeting place and the mixture's gradual spread (the process).
"""
