"""Declares task O-2 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="O-2_pigment_color_mixing_subtractive",
    title="Subtractive pigment mixing in a dish",
    category=Category.PERCEPTION,
    description=(
        "Circles of cyan, magenta or yellow pigment sit around an empty dish; a drop of each pigment flows into "
        "the dish, the drops mix where they overlap and the mixture spreads until it fills the dish with the "
        "subtractive (pigment) mixture, while the pigment circles stay as they were."
    ),
    generator="vbvr_o2_pigment_color_mixing_subtractive.generator:PigmentMixingGenerator",
    scorer="vbvr_o2_pigment_color_mixing_subtractive.scorer:score",
)
