#include "maas/tensors.h"

namespace maas::tensors {

namespace {
constexpr std::size_t kLengthPrefix = 4;
}  // namespace

std::string EncodeBytes(const std::vector<std::string>& elements) {
  std::string raw;
  for (const std::string& element : elements) {
    if (element.size() > UINT32_MAX) {
      throw std::invalid_argument("a BYTES element is longer than a uint32 length can say");
    }
    raw += Encode(std::vector<std::uint32_t>{static_cast<std::uint32_t>(element.size())});
    raw += element;
  }
  return raw;
}

std::vector<std::string> DecodeBytes(const std::string& raw) {
  std::vector<std::string> elements;
  std::size_t offset = 0;
  while (offset < raw.size()) {
    if (raw.size() - offset < kLengthPrefix) {
      throw std::invalid_argument("BYTES contents end inside a length prefix at offset " +
                                  std::to_string(offset));
    }
    const std::uint32_t length = Decode<std::uint32_t>(raw.substr(offset, kLengthPrefix))[0];
    const std::size_t remaining = raw.size() - offset - kLengthPrefix;
    if (length > remaining) {
      throw std::invalid_argument("BYTES element at offset " + std::to_string(offset) + " claims " +
                                  std::to_string(length) + " bytes; " + std::to_string(remaining) +
                                  " remain");
    }
    elements.push_back(raw.substr(offset + kLengthPrefix, length));
    offset += kLengthPrefix + length;
  }
  return elements;
}

inference::ModelInferRequest::InferInputTensor Input(const std::string& name,
                                                     const std::string& datatype,
                                                     const std::vector<std::int64_t>& shape) {
  inference::ModelInferRequest::InferInputTensor tensor;
  tensor.set_name(name);
  tensor.set_datatype(datatype);
  for (std::int64_t dim : shape) {
    tensor.add_shape(dim);
  }
  return tensor;
}

const std::string& RawOutput(const inference::ModelInferResponse& response,
                             const std::string& name) {
  for (int i = 0; i < response.outputs_size(); ++i) {
    if (response.outputs(i).name() == name) {
      if (i >= response.raw_output_contents_size()) {
        throw std::invalid_argument("output '" + name + "' has no raw contents");
      }
      return response.raw_output_contents(i);
    }
  }
  throw std::invalid_argument("the response has no output '" + name + "'");
}

}  // namespace maas::tensors
