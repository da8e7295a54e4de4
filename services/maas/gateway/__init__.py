"""The scheduler's inference gateway: `inference.GRPCInferenceService` in front of workers."""
