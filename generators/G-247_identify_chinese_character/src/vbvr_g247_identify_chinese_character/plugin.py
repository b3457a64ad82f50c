"""Declares task G-247 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-247_identify_chinese_character",
    title="Identify the Chinese character",
    category=Category.KNOWLEDGE,
    description=(
        "Several symbols lie on a light canvas, exactly one of them a Chinese character; the others are letters "
        "of other alphabets, Japanese kana or Korean hangul, the hardest ones shaped like Chinese characters. "
        "A red ring is drawn around the Chinese character while nothing else changes. Only the answer is "
        "asked for, so the process is not required."
    ),
    generator="vbvr_g247_identify_chinese_character.generator:IdentifyChineseCharacterGenerator",
    scorer="vbvr_core.families.marking.judge:score_ringed",
    process_required=False,
)
