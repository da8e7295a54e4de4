// The wire layout of raw contents, checked byte by byte; needs no server.
#include "maas/tensors.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "maas/status.h"

namespace {

using maas::tensors::Decode;
using maas::tensors::DecodeBytes;
using maas::tensors::Encode;
using maas::tensors::EncodeBytes;

TEST(Tensors, Int32IsLittleEndian) {
  const std::string raw = Encode<std::int32_t>({1, -2});

  EXPECT_EQ(raw, std::string("\x01\x00\x00\x00\xfe\xff\xff\xff", 8));
  EXPECT_EQ(Decode<std::int32_t>(raw), (std::vector<std::int32_t>{1, -2}));
}

TEST(Tensors, NumbersRoundTrip) {
  const std::vector<std::int64_t> longs{std::numeric_limits<std::int64_t>::min(), 0,
                                        std::int64_t{1} << 40};
  const std::vector<float> floats{0.5F, -3.25F, std::numeric_limits<float>::max()};
  const std::vector<double> doubles{3.141592653589793, -0.0};

  EXPECT_EQ(Decode<std::int64_t>(Encode(longs)), longs);
  EXPECT_EQ(Decode<float>(Encode(floats)), floats);
  EXPECT_EQ(Decode<double>(Encode(doubles)), doubles);
  EXPECT_EQ(Encode<float>({1.0F}), std::string("\x00\x00\x80\x3f", 4));
}

TEST(Tensors, BytesElementsArePrefixedWithTheirLength) {
  const std::string raw = EncodeBytes({"ab", ""});

  EXPECT_EQ(raw, std::string("\x02\x00\x00\x00"
                             "ab"
                             "\x00\x00\x00\x00",
                             10));
  EXPECT_EQ(DecodeBytes(raw), (std::vector<std::string>{"ab", ""}));
}

TEST(Tensors, TruncatedBytesAreRefused) {
  EXPECT_THROW(DecodeBytes(std::string("\x05\x00\x00\x00"
                                       "a",
                                       5)),
               std::invalid_argument);
  EXPECT_THROW(DecodeBytes(std::string("\x01\x00\x00\x00"
                                       "a\x01\x00",
                                       7)),
               std::invalid_argument);
}

TEST(Tensors, PartialElementsAreRefused) {
  EXPECT_THROW(Decode<std::int32_t>(std::string(6, '\0')), std::invalid_argument);
}

TEST(Tensors, RawOutputIsFoundByName) {
  inference::ModelInferResponse response;
  response.add_outputs()->set_name("A");
  response.add_outputs()->set_name("B");
  response.add_raw_output_contents(Encode<std::int32_t>({1}));
  response.add_raw_output_contents(Encode<std::int32_t>({2}));

  EXPECT_EQ(Decode<std::int32_t>(maas::tensors::RawOutput(response, "B")),
            (std::vector<std::int32_t>{2}));
  EXPECT_THROW(maas::tensors::RawOutput(response, "C"), std::invalid_argument);
}

TEST(Status, CodesHaveTheirNames) {
  EXPECT_STREQ(maas::CodeName(grpc::StatusCode::NOT_FOUND), "NOT_FOUND");
  EXPECT_STREQ(maas::CodeName(grpc::StatusCode::INVALID_ARGUMENT), "INVALID_ARGUMENT");
  EXPECT_STREQ(maas::CodeName(static_cast<grpc::StatusCode>(99)), "UNKNOWN_CODE");
}

}  // namespace
