"""The one list of split names, and what each means to the benchmark (standard library only).

A registry gives every task a split: ``train`` (samples to learn from), ``test-id`` (test samples of a task
seen in training: in-domain) or ``test-ood`` (a task never trained on: out-of-domain). The bench reports
scores per domain, and the official VBVR-Bench layout names the domains' folders.
"""

from __future__ import annotations

TRAIN, TEST_ID, TEST_OOD = "train", "test-id", "test-ood"
SPLITS: tuple[str, ...] = (TRAIN, TEST_ID, TEST_OOD)

IN_DOMAIN, OUT_OF_DOMAIN = "in-domain", "out-of-domain"
DOMAIN_OF_SPLIT: dict[str, str] = {TRAIN: IN_DOMAIN, TEST_ID: IN_DOMAIN, TEST_OOD: OUT_OF_DOMAIN}
OFFICIAL_FOLDER_OF_SPLIT: dict[str, str] = {TEST_ID: "In-Domain_50", TEST_OOD: "Out-of-Domain_50"}
SPLITS_TEXT = ", ".join(SPLITS[:-1]) + f" or {SPLITS[-1]}"
