"""The scheduler API over gRPC: converters and the servicer."""
