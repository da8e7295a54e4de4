"""The inference worker: serves models through the Open Inference Protocol."""
