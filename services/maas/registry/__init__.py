"""The model registry: models, immutable versions, aliases, derived versions, events."""
