package io.maas.client.example;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.maas.client.Tensors;
import io.maas.inference.GRPCInferenceServiceGrpc;
import io.maas.inference.ModelInferRequest;
import io.maas.inference.ModelInferResponse;
import io.maas.registry.v1.ListModelsRequest;
import io.maas.registry.v1.Model;
import io.maas.registry.v1.RegistryServiceGrpc;
import io.maas.scheduler.v1.Deployment;
import io.maas.scheduler.v1.GetDeploymentRequest;
import io.maas.scheduler.v1.ListDeploymentsRequest;
import io.maas.scheduler.v1.SchedulerServiceGrpc;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Calls a running maas: adds and subtracts two vectors with the {@code add_sub} demo model, lists
 * the registry's models and the scheduler's deployments, then asks for a deployment that does not
 * exist to show how errors arrive.
 *
 * <p>Arguments: inference, registry and scheduler addresses ({@code host:port}).
 */
public final class Example {
  private Example() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: Example INFERENCE_ADDRESS REGISTRY_ADDRESS SCHEDULER_ADDRESS");
      System.exit(2);
    }
    ManagedChannel inference = channel(args[0]);
    ManagedChannel registry = channel(args[1]);
    ManagedChannel scheduler = channel(args[2]);
    try {
      addSub(GRPCInferenceServiceGrpc.newBlockingStub(inference));
      listModels(RegistryServiceGrpc.newBlockingStub(registry));
      deployments(SchedulerServiceGrpc.newBlockingStub(scheduler));
    } finally {
      for (ManagedChannel channel : new ManagedChannel[] {inference, registry, scheduler}) {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static ManagedChannel channel(String address) {
    return Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
  }

  private static void addSub(GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub) {
    int[] a = new int[16];
    int[] b = new int[16];
    for (int i = 0; i < 16; i++) {
      a[i] = i;
      b[i] = 2;
    }
    ModelInferRequest request =
        ModelInferRequest.newBuilder()
            .setModelName("add_sub")
            .addInputs(Tensors.input("INPUT0", "INT32", 1, 16))
            .addInputs(Tensors.input("INPUT1", "INT32", 1, 16))
            .addRawInputContents(Tensors.int32(a))
            .addRawInputContents(Tensors.int32(b))
            .build();
    ModelInferResponse response = stub.withDeadlineAfter(10, TimeUnit.SECONDS).modelInfer(request);
    System.out.println(
        "add_sub OUTPUT0 (a + b): "
            + Arrays.toString(Tensors.toInt32(Tensors.rawOutput(response, "OUTPUT0"))));
    System.out.println(
        "add_sub OUTPUT1 (a - b): "
            + Arrays.toString(Tensors.toInt32(Tensors.rawOutput(response, "OUTPUT1"))));
  }

  private static void listModels(RegistryServiceGrpc.RegistryServiceBlockingStub stub) {
    var page =
        stub.withDeadlineAfter(10, TimeUnit.SECONDS)
            .listModels(ListModelsRequest.getDefaultInstance());
    System.out.println("registry: " + page.getModelsCount() + " model(s)");
    for (Model model : page.getModelsList()) {
      System.out.println("  " + model.getName() + " latest version " + model.getLatestVersion());
    }
  }

  private static void deployments(SchedulerServiceGrpc.SchedulerServiceBlockingStub stub) {
    var list =
        stub.withDeadlineAfter(10, TimeUnit.SECONDS)
            .listDeployments(ListDeploymentsRequest.getDefaultInstance());
    System.out.println("scheduler: " + list.getDeploymentsCount() + " deployment(s)");
    for (Deployment deployment : list.getDeploymentsList()) {
      System.out.println(
          "  "
              + deployment.getSpec().getName()
              + ": "
              + deployment.getStatus().getReadyReplicas()
              + "/"
              + deployment.getStatus().getDesiredReplicas()
              + " replicas ready");
    }
    try {
      stub.withDeadlineAfter(10, TimeUnit.SECONDS)
          .getDeployment(GetDeploymentRequest.newBuilder().setName("no-such-deployment").build());
    } catch (StatusRuntimeException e) {
      // The gRPC code is what programs branch on; the description is for people.
      System.out.println(
          "no-such-deployment: "
              + e.getStatus().getCode()
              + " ("
              + e.getStatus().getDescription()
              + ")");
    }
  }
}
