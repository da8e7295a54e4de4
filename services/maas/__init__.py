"""maas: Model-as-a-Service over gRPC."""

__version__ = "0.1.0"
