"""Judging model videos: running a scorer safely, colour masks and trackers, credit functions, shortcut videos.

A task's scorer combines these (or a family's judge, :mod:`vbvr_core.families`) into a :class:`Score`.
"""
