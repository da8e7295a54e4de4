"""`python -m maas.registry`: the registry on its own, as `maas registry` runs it."""

import typer

from maas.registry.cli import serve

# Guarded: the forkserver that starts validation children imports this module again.
if __name__ == "__main__":
    typer.run(serve)
