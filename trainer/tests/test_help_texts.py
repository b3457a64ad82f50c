"""Every option of every vbvr-trainer command says what it is for (issue 20 item 12)."""

from __future__ import annotations

import click
import typer
from vbvr_trainer.cli import app


def test_every_option_of_every_command_has_help():
    command = typer.main.get_command(app)
    missing = []
    for name, sub in command.commands.items():
        for parameter in sub.params:
            if isinstance(parameter, click.Option) and not parameter.help and parameter.name != "help":
                missing.append(f"{name} {parameter.opts[0]}")
    assert not missing, f"options without help: {missing}"
