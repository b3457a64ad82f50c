"""Declares task G-247 (imports the contract only: listing tasks never loads the generator or scorer)."""

from vbvr_core.contract import Category, declare_task

TASK = declare_task(
    key="G-247_identify_chinese_character",
    title="Identify the Chinese character for a word",
    category=Category.KNOWLEDGE,
    description=(
        "Several symbols lie on a light canvas: Chinese characters, some of them look-alikes (大 太 犬), and "
        "letters of other scripts; the prompt gives an English word, and a red ring is drawn around the one "
        "Chinese character that means it, while nothing else changes. Only the answer is asked for, so the "
        "process is not required."
    ),
    generator="vbvr_g247_identify_chinese_character.generator:IdentifyChineseCharacterGenerator",
    scorer="vbvr_g247_identify_chinese_character.scorer:score",
    process_required=False,
)
