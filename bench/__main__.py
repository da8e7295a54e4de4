"""`python -m bench`: run every benchmark, each writing its table to bench/results/."""

from bench import gateway, inference, registry_upload, routing, tracing

# Guarded: the registry benchmark hosts a registry, whose forkserver children import
# the main module again.
if __name__ == "__main__":
    for benchmark in (inference, gateway, routing, tracing, registry_upload):
        benchmark.main()
