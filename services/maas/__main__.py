"""`python -m maas`: the `maas` command line."""

from maas.cli import app

# Guarded: the registry's forkserver children import the main module again.
if __name__ == "__main__":
    app()
