"""Python SDK for maas: one module per service (`maas_client.registry`, ...)."""
