// Raw tensor contents of the Open Inference Protocol (raw_input_contents and
// raw_output_contents): elements in row-major order, little-endian whatever the machine,
// and each BYTES element prefixed with its length as a little-endian uint32.
#ifndef MAAS_TENSORS_H_
#define MAAS_TENSORS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "grpc_service.pb.h"

namespace maas::tensors {

namespace internal {
// Unsigned integer of the same width as T, to reorder T's bytes with shifts.
template <std::size_t Width>
struct Bits;
template <>
struct Bits<1> {
  using type = std::uint8_t;
};
template <>
struct Bits<2> {
  using type = std::uint16_t;
};
template <>
struct Bits<4> {
  using type = std::uint32_t;
};
template <>
struct Bits<8> {
  using type = std::uint64_t;
};
}  // namespace internal

// Contents of a numeric tensor (INT8..INT64, UINT8..UINT64, FP32, FP64, BOOL as uint8_t).
template <typename T>
std::string Encode(const std::vector<T>& values) {
  static_assert(std::is_arithmetic_v<T>, "numeric elements only; BYTES use EncodeBytes");
  using Bits = typename internal::Bits<sizeof(T)>::type;
  std::string raw(values.size() * sizeof(T), '\0');
  for (std::size_t i = 0; i < values.size(); ++i) {
    Bits bits;
    std::memcpy(&bits, &values[i], sizeof(T));
    for (std::size_t byte = 0; byte < sizeof(T); ++byte) {
      raw[i * sizeof(T) + byte] = static_cast<char>((bits >> (8 * byte)) & 0xFF);
    }
  }
  return raw;
}

template <typename T>
std::string Encode(std::initializer_list<T> values) {
  return Encode(std::vector<T>(values));
}

// Elements of a numeric tensor's contents. Throws std::invalid_argument when the size is
// not a whole number of elements.
template <typename T>
std::vector<T> Decode(const std::string& raw) {
  static_assert(std::is_arithmetic_v<T>, "numeric elements only; BYTES use DecodeBytes");
  using Bits = typename internal::Bits<sizeof(T)>::type;
  if (raw.size() % sizeof(T) != 0) {
    throw std::invalid_argument(std::to_string(raw.size()) + " bytes are not a whole number of " +
                                std::to_string(sizeof(T)) + "-byte elements");
  }
  std::vector<T> values(raw.size() / sizeof(T));
  for (std::size_t i = 0; i < values.size(); ++i) {
    Bits bits = 0;
    for (std::size_t byte = 0; byte < sizeof(T); ++byte) {
      bits |= static_cast<Bits>(static_cast<unsigned char>(raw[i * sizeof(T) + byte]))
              << (8 * byte);
    }
    std::memcpy(&values[i], &bits, sizeof(T));
  }
  return values;
}

// Contents of a BYTES tensor: each element after its length.
std::string EncodeBytes(const std::vector<std::string>& elements);

// Elements of a BYTES tensor's contents. Throws std::invalid_argument when a length
// prefix or an element runs past the end.
std::vector<std::string> DecodeBytes(const std::string& raw);

// The metadata of one input; its contents go in raw_input_contents, in the same order.
inference::ModelInferRequest::InferInputTensor Input(const std::string& name,
                                                     const std::string& datatype,
                                                     const std::vector<std::int64_t>& shape);

// The raw contents of the output called `name` (outputs and raw contents pair up by
// position). Throws std::invalid_argument when there is no such output or it carries no
// raw contents.
const std::string& RawOutput(const inference::ModelInferResponse& response,
                             const std::string& name);

}  // namespace maas::tensors

#endif  // MAAS_TENSORS_H_
