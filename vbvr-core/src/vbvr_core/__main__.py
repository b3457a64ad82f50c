"""``python -m vbvr_core`` runs the ``vbvr`` command line."""

from vbvr_core.cli.app import app

app()
