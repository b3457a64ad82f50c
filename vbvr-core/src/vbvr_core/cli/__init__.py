"""The ``vbvr`` command line."""

from vbvr_core.cli.app import app

__all__ = ["app"]
