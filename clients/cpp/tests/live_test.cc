// The C++ client against a running all-in-one named by MAAS_INFERENCE_ADDRESS,
// MAAS_REGISTRY_ADDRESS and MAAS_SCHEDULER_ADDRESS (`make clients-test` sets them).
// Without them every test is skipped, except in CI, where a skip would hide that
// nothing ran.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "grpc_service.grpc.pb.h"
#include "maas/registry/v1/registry.grpc.pb.h"
#include "maas/scheduler/v1/scheduler.grpc.pb.h"
#include "maas/status.h"
#include "maas/tensors.h"

namespace {

namespace registry = maas::registry::v1;
namespace scheduler = maas::scheduler::v1;
using maas::tensors::Decode;
using maas::tensors::Encode;

bool InCi() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  std::string value(ci);
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return !(value.empty() || value == "0" || value == "false" || value == "no" || value == "off");
}

// A channel to the address in `variable`, or nullptr when it is unset.
std::shared_ptr<grpc::Channel> ChannelFrom(const char* variable) {
  const char* address = std::getenv(variable);
  if (address == nullptr || *address == '\0') return nullptr;
  return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
}

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

// Unique per run: the all-in-one may be shared with other clients' tests.
std::string UniqueName(const std::string& prefix) {
  std::random_device device;
  std::uniform_int_distribution<std::uint64_t> draw;
  return prefix + "-" + std::to_string(draw(device));
}

// Shows the code by name when an assertion on a status fails.
::testing::AssertionResult HasCode(const grpc::Status& status, grpc::StatusCode expected) {
  if (status.error_code() == expected) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "expected " << maas::CodeName(expected) << ", got "
         << maas::CodeName(status.error_code()) << " (" << status.error_message() << ")";
}

class Live : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* variables[] = {"MAAS_INFERENCE_ADDRESS", "MAAS_REGISTRY_ADDRESS",
                               "MAAS_SCHEDULER_ADDRESS"};
    for (const char* variable : variables) {
      if (ChannelFrom(variable) != nullptr) continue;
      const std::string why =
          std::string(variable) +
          " is not set: start `maas up --grpc-port 0 --registry-port 0 --scheduler-port 0` and "
          "export MAAS_INFERENCE_ADDRESS, MAAS_REGISTRY_ADDRESS and MAAS_SCHEDULER_ADDRESS, or "
          "run `make clients-test`";
      if (InCi()) FAIL() << why;
      GTEST_SKIP() << why;
    }
    inference_ = inference::GRPCInferenceService::NewStub(ChannelFrom("MAAS_INFERENCE_ADDRESS"));
    registry_ = registry::RegistryService::NewStub(ChannelFrom("MAAS_REGISTRY_ADDRESS"));
    scheduler_ = scheduler::SchedulerService::NewStub(ChannelFrom("MAAS_SCHEDULER_ADDRESS"));
  }

  static inference::ModelInferRequest AddSub(const std::vector<std::int64_t>& shape,
                                             const std::vector<std::int32_t>& a,
                                             const std::vector<std::int32_t>& b) {
    inference::ModelInferRequest request;
    request.set_model_name("add_sub");
    *request.add_inputs() = maas::tensors::Input("INPUT0", "INT32", shape);
    *request.add_inputs() = maas::tensors::Input("INPUT1", "INT32", shape);
    request.add_raw_input_contents(Encode(a));
    request.add_raw_input_contents(Encode(b));
    return request;
  }

  grpc::Status GetDeployment(const std::string& name, scheduler::Deployment* deployment) {
    scheduler::GetDeploymentRequest request;
    request.set_name(name);
    scheduler::GetDeploymentResponse response;
    grpc::Status status = scheduler_->GetDeployment(Context().get(), request, &response);
    *deployment = response.deployment();
    return status;
  }

  std::unique_ptr<inference::GRPCInferenceService::Stub> inference_;
  std::unique_ptr<registry::RegistryService::Stub> registry_;
  std::unique_ptr<scheduler::SchedulerService::Stub> scheduler_;
};

TEST_F(Live, AddSubAddsAndSubtracts) {
  std::vector<std::int32_t> a(16), b(16), sum(16), difference(16);
  for (int i = 0; i < 16; ++i) {
    a[i] = i * 7 - 40;
    b[i] = 3 - i * i;
    sum[i] = a[i] + b[i];
    difference[i] = a[i] - b[i];
  }
  inference::ModelInferResponse response;
  ASSERT_TRUE(HasCode(inference_->ModelInfer(Context().get(), AddSub({1, 16}, a, b), &response),
                      grpc::StatusCode::OK));

  EXPECT_EQ(response.model_name(), "add_sub");
  ASSERT_EQ(response.outputs_size(), 2);
  for (const auto& output : response.outputs()) {
    EXPECT_EQ(output.datatype(), "INT32") << output.name();
    EXPECT_EQ(std::vector<std::int64_t>(output.shape().begin(), output.shape().end()),
              (std::vector<std::int64_t>{1, 16}))
        << output.name();
  }
  EXPECT_EQ(Decode<std::int32_t>(maas::tensors::RawOutput(response, "OUTPUT0")), sum);
  EXPECT_EQ(Decode<std::int32_t>(maas::tensors::RawOutput(response, "OUTPUT1")), difference);
}

TEST_F(Live, StringIdentityReturnsItsBytesElements) {
  const std::vector<std::string> elements{"maas", "", "Grüße"};
  inference::ModelInferRequest request;
  request.set_model_name("string_identity");
  *request.add_inputs() = maas::tensors::Input("INPUT0", "BYTES", {1, 3});
  request.add_raw_input_contents(maas::tensors::EncodeBytes(elements));
  inference::ModelInferResponse response;
  ASSERT_TRUE(
      HasCode(inference_->ModelInfer(Context().get(), request, &response), grpc::StatusCode::OK));

  EXPECT_EQ(response.outputs(0).datatype(), "BYTES");
  EXPECT_EQ(maas::tensors::DecodeBytes(maas::tensors::RawOutput(response, "OUTPUT0")), elements);
}

TEST_F(Live, MetadataDescribesAddSub) {
  inference::ModelMetadataRequest request;
  request.set_name("add_sub");
  inference::ModelMetadataResponse metadata;
  ASSERT_TRUE(HasCode(inference_->ModelMetadata(Context().get(), request, &metadata),
                      grpc::StatusCode::OK));

  EXPECT_EQ(metadata.name(), "add_sub");
  ASSERT_EQ(metadata.inputs_size(), 2);
  EXPECT_EQ(metadata.inputs(0).datatype(), "INT32");
  EXPECT_EQ(std::vector<std::int64_t>(metadata.inputs(0).shape().begin(),
                                      metadata.inputs(0).shape().end()),
            (std::vector<std::int64_t>{-1, 16}));
}

TEST_F(Live, UnknownModelIsNotFound) {
  inference::ModelInferRequest request =
      AddSub({1, 16}, std::vector<std::int32_t>(16), std::vector<std::int32_t>(16));
  request.set_model_name("no_such_model");
  inference::ModelInferResponse response;
  const grpc::Status status = inference_->ModelInfer(Context().get(), request, &response);

  EXPECT_TRUE(HasCode(status, grpc::StatusCode::NOT_FOUND));
  EXPECT_NE(status.error_message().find("no_such_model"), std::string::npos);
}

TEST_F(Live, WrongShapeIsInvalidArgument) {
  inference::ModelInferResponse response;
  const grpc::Status status = inference_->ModelInfer(
      Context().get(), AddSub({1, 3}, std::vector<std::int32_t>(3), std::vector<std::int32_t>(3)),
      &response);

  EXPECT_TRUE(HasCode(status, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_NE(status.error_message().find("INPUT0"), std::string::npos);
}

TEST_F(Live, CreatedModelIsListedThenDeleted) {
  const std::string name = UniqueName("cpp-client");
  registry::CreateModelRequest create;
  create.set_name(name);
  create.set_description("made by the C++ client's tests");
  (*create.mutable_labels())["run"] = name;
  registry::CreateModelResponse created;
  ASSERT_TRUE(
      HasCode(registry_->CreateModel(Context().get(), create, &created), grpc::StatusCode::OK));
  EXPECT_EQ(created.model().name(), name);
  EXPECT_EQ(created.model().latest_version(), 0U);

  registry::ListModelsRequest list;
  (*list.mutable_labels())["run"] = name;
  registry::ListModelsResponse page;
  EXPECT_TRUE(HasCode(registry_->ListModels(Context().get(), list, &page), grpc::StatusCode::OK));
  ASSERT_EQ(page.models_size(), 1);
  EXPECT_EQ(page.models(0).name(), name);
  EXPECT_EQ(page.models(0).description(), "made by the C++ client's tests");

  registry::DeleteModelRequest remove;
  remove.set_name(name);
  registry::DeleteModelResponse removed;
  ASSERT_TRUE(
      HasCode(registry_->DeleteModel(Context().get(), remove, &removed), grpc::StatusCode::OK));
  registry::GetModelRequest get;
  get.set_name(name);
  registry::GetModelResponse gone;
  EXPECT_TRUE(
      HasCode(registry_->GetModel(Context().get(), get, &gone), grpc::StatusCode::NOT_FOUND));
}

TEST_F(Live, MalformedModelNameIsInvalidArgument) {
  registry::CreateModelRequest create;
  create.set_name("no spaces");
  registry::CreateModelResponse created;

  EXPECT_TRUE(HasCode(registry_->CreateModel(Context().get(), create, &created),
                      grpc::StatusCode::INVALID_ARGUMENT));
}

TEST_F(Live, CreatedDeploymentIsReadThenDeleted) {
  const std::string name = UniqueName("cpp-client");
  // The model need not exist for the deployment to be recorded: its status then says why
  // nothing is served (Resolved false), which is what this test reads.
  scheduler::CreateDeploymentRequest create;
  scheduler::DeploymentSpec* spec = create.mutable_spec();
  spec->set_name(name);
  spec->set_model(name + "-model");
  spec->set_alias("production");
  spec->set_min_replicas(1);
  spec->set_max_replicas(2);
  scheduler::CreateDeploymentResponse created;
  ASSERT_TRUE(HasCode(scheduler_->CreateDeployment(Context().get(), create, &created),
                      grpc::StatusCode::OK));
  EXPECT_EQ(created.deployment().generation(), 1U);

  scheduler::Deployment read;
  ASSERT_TRUE(HasCode(GetDeployment(name, &read), grpc::StatusCode::OK));
  EXPECT_EQ(read.spec().name(), name);
  EXPECT_EQ(read.spec().model(), name + "-model");
  EXPECT_EQ(read.spec().alias(), "production");
  EXPECT_EQ(read.status().desired_replicas(), 2U);
  EXPECT_EQ(read.status().ready_replicas(), 0U);
  EXPECT_GT(read.status().conditions_size(), 0);

  scheduler::ListDeploymentsResponse list;
  EXPECT_TRUE(
      HasCode(scheduler_->ListDeployments(Context().get(), {}, &list), grpc::StatusCode::OK));
  EXPECT_TRUE(std::any_of(list.deployments().begin(), list.deployments().end(),
                          [&](const auto& d) { return d.spec().name() == name; }));

  scheduler::CreateDeploymentResponse duplicate;
  EXPECT_TRUE(HasCode(scheduler_->CreateDeployment(Context().get(), create, &duplicate),
                      grpc::StatusCode::ALREADY_EXISTS));

  scheduler::DeleteDeploymentRequest remove;
  remove.set_name(name);
  scheduler::DeleteDeploymentResponse removed;
  ASSERT_TRUE(HasCode(scheduler_->DeleteDeployment(Context().get(), remove, &removed),
                      grpc::StatusCode::OK));
  scheduler::Deployment gone;
  EXPECT_TRUE(HasCode(GetDeployment(name, &gone), grpc::StatusCode::NOT_FOUND));
}

TEST_F(Live, AbsentDeploymentIsNotFound) {
  scheduler::Deployment deployment;

  EXPECT_TRUE(
      HasCode(GetDeployment("cpp-client-absent", &deployment), grpc::StatusCode::NOT_FOUND));
}

TEST_F(Live, SpecWithoutModelIsInvalidArgument) {
  scheduler::CreateDeploymentRequest create;
  create.mutable_spec()->set_name("cpp-client-no-model");
  scheduler::CreateDeploymentResponse created;

  EXPECT_TRUE(HasCode(scheduler_->CreateDeployment(Context().get(), create, &created),
                      grpc::StatusCode::INVALID_ARGUMENT));
}

}  // namespace
