"""The scheduler: deployments, placement, reconciliation and the inference gateway."""
