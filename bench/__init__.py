"""Benchmarks: ratios against in-process ONNX Runtime and a raw gRPC echo, same run."""
