"""The registry's gRPC edge: converters and the servicer."""
