"""gRPC plumbing shared by every maas service: servers, status mapping, health."""
