# syntax=docker/dockerfile:1
# One image for every maas service (`maas up`, `maas registry`, `maas scheduler`,
# `maas worker`), run as a non-root user. compose.yaml runs the fleet from it.
#
#   docker build -t maas .
#   docker run --rm -p 8001:8001 -p 50051:50051 -p 50052:50052 maas

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# Build stage: a virtual environment with maas and its dependencies, nothing else.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
RUN python -m venv /opt/maas
ENV PATH=/opt/maas/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md ./
COPY services services
COPY clients/python clients/python
RUN pip install .

# Runtime stage: the environment alone, owned by root and run as `maas`.
FROM ${PYTHON_IMAGE} AS runtime
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/maas --create-home maas \
 && mkdir -p /var/lib/maas/registry /var/lib/maas/cache \
 && chown -R maas:maas /var/lib/maas
COPY --from=build /opt/maas /opt/maas
ENV PATH=/opt/maas/bin:$PATH PYTHONUNBUFFERED=1
USER maas
WORKDIR /var/lib/maas
# Triton's inference port, the scheduler/gateway, the registry, Prometheus /metrics.
EXPOSE 8001 50051 50052 9464
# `maas up` keeps its state (demo models, registry, caches) under $HOME/.maas.
ENTRYPOINT ["maas"]
CMD ["up", "--host", "0.0.0.0"]
