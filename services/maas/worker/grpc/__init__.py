"""The worker's gRPC edge: protobuf <-> domain converters and the servicer."""
