// Names of gRPC status codes, for messages: grpc::Status carries only the number.
#ifndef MAAS_STATUS_H_
#define MAAS_STATUS_H_

#include <grpcpp/support/status.h>

namespace maas {

// "NOT_FOUND", "INVALID_ARGUMENT", ...; "UNKNOWN_CODE" for a number gRPC does not define.
const char* CodeName(grpc::StatusCode code);

}  // namespace maas

#endif  // MAAS_STATUS_H_
