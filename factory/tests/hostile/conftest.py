"""Puts this folder on sys.path, so the hostile tests share ``hostile_kit`` (pytest runs in importlib mode)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
