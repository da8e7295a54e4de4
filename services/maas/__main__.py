from maas.cli import app

app()
