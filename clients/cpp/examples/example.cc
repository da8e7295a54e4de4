// Calls a running maas: adds and subtracts two vectors with the add_sub demo model,
// lists the registry's models and the scheduler's deployments, then asks for a
// deployment that does not exist to show how errors arrive.
//
// Usage: maas_example [INFERENCE_ADDRESS REGISTRY_ADDRESS SCHEDULER_ADDRESS]
// (host:port each; the defaults are where `maas up` serves).
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "grpc_service.grpc.pb.h"
#include "maas/registry/v1/registry.grpc.pb.h"
#include "maas/scheduler/v1/scheduler.grpc.pb.h"
#include "maas/status.h"
#include "maas/tensors.h"

namespace {

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

void Print(const std::string& label, const std::vector<std::int32_t>& values) {
  std::cout << label << ":";
  for (std::int32_t value : values) std::cout << " " << value;
  std::cout << "\n";
}

// A failed call's gRPC code is what programs branch on; its message is for people.
int Fail(const std::string& call, const grpc::Status& status) {
  std::cerr << call << " failed: " << maas::CodeName(status.error_code()) << " ("
            << status.error_message() << ")\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 1 && argc != 4) {
    std::cerr << "usage: " << argv[0]
              << " [INFERENCE_ADDRESS REGISTRY_ADDRESS SCHEDULER_ADDRESS]\n";
    return 2;
  }
  const std::string inference_address = argc == 4 ? argv[1] : "127.0.0.1:8001";
  const std::string registry_address = argc == 4 ? argv[2] : "127.0.0.1:50052";
  const std::string scheduler_address = argc == 4 ? argv[3] : "127.0.0.1:50051";
  const auto credentials = grpc::InsecureChannelCredentials();

  auto inference =
      inference::GRPCInferenceService::NewStub(grpc::CreateChannel(inference_address, credentials));
  std::vector<std::int32_t> a(16), b(16, 2);
  for (int i = 0; i < 16; ++i) a[i] = i;
  inference::ModelInferRequest request;
  request.set_model_name("add_sub");
  *request.add_inputs() = maas::tensors::Input("INPUT0", "INT32", {1, 16});
  *request.add_inputs() = maas::tensors::Input("INPUT1", "INT32", {1, 16});
  request.add_raw_input_contents(maas::tensors::Encode(a));
  request.add_raw_input_contents(maas::tensors::Encode(b));
  inference::ModelInferResponse response;
  grpc::Status status = inference->ModelInfer(Context().get(), request, &response);
  if (!status.ok()) return Fail("ModelInfer", status);
  Print("add_sub OUTPUT0 (a + b)",
        maas::tensors::Decode<std::int32_t>(maas::tensors::RawOutput(response, "OUTPUT0")));
  Print("add_sub OUTPUT1 (a - b)",
        maas::tensors::Decode<std::int32_t>(maas::tensors::RawOutput(response, "OUTPUT1")));

  auto registry = maas::registry::v1::RegistryService::NewStub(
      grpc::CreateChannel(registry_address, credentials));
  maas::registry::v1::ListModelsResponse models;
  status = registry->ListModels(Context().get(), {}, &models);
  if (!status.ok()) return Fail("ListModels", status);
  std::cout << "registry: " << models.models_size() << " model(s)\n";
  for (const auto& model : models.models()) {
    std::cout << "  " << model.name() << " latest version " << model.latest_version() << "\n";
  }

  auto scheduler = maas::scheduler::v1::SchedulerService::NewStub(
      grpc::CreateChannel(scheduler_address, credentials));
  maas::scheduler::v1::ListDeploymentsResponse deployments;
  status = scheduler->ListDeployments(Context().get(), {}, &deployments);
  if (!status.ok()) return Fail("ListDeployments", status);
  std::cout << "scheduler: " << deployments.deployments_size() << " deployment(s)\n";
  for (const auto& deployment : deployments.deployments()) {
    std::cout << "  " << deployment.spec().name() << ": " << deployment.status().ready_replicas()
              << "/" << deployment.status().desired_replicas() << " replicas ready\n";
  }

  maas::scheduler::v1::GetDeploymentRequest absent;
  absent.set_name("no-such-deployment");
  maas::scheduler::v1::GetDeploymentResponse unused;
  status = scheduler->GetDeployment(Context().get(), absent, &unused);
  std::cout << "no-such-deployment: " << maas::CodeName(status.error_code()) << " ("
            << status.error_message() << ")\n";
  return 0;
}
