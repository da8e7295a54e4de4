"""`python -m bench`: run every benchmark, each writing its table to bench/results/."""

from bench import inference

inference.main()
