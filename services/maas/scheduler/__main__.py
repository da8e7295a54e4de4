"""`python -m maas.scheduler`: the same as `maas scheduler`."""

import typer

from maas.cli import scheduler_command

if __name__ == "__main__":
    typer.run(scheduler_command)
