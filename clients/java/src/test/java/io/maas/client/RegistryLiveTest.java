package io.maas.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maas.registry.v1.CreateModelRequest;
import io.maas.registry.v1.DeleteModelRequest;
import io.maas.registry.v1.GetModelRequest;
import io.maas.registry.v1.ListModelsRequest;
import io.maas.registry.v1.ListModelsResponse;
import io.maas.registry.v1.Model;
import io.maas.registry.v1.RegistryServiceGrpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Models in maas.registry.v1: created, listed by label, deleted. */
class RegistryLiveTest {
  private static ManagedChannel channel;
  private static RegistryServiceGrpc.RegistryServiceBlockingStub stub;

  @BeforeAll
  static void connect() {
    channel = LiveServer.channel("MAAS_REGISTRY_ADDRESS");
    stub = RegistryServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static RegistryServiceGrpc.RegistryServiceBlockingStub call() {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Test
  void createdModelIsListedThenDeleted() {
    // Unique per run: the all-in-one may be shared with other clients' tests.
    String run = UUID.randomUUID().toString();
    String name = "java-client-" + run;
    Model created =
        call()
            .createModel(
                CreateModelRequest.newBuilder()
                    .setName(name)
                    .setDescription("made by the Java client's tests")
                    .putLabels("run", run)
                    .build())
            .getModel();
    try {
      assertEquals(name, created.getName());
      assertEquals(0, created.getLatestVersion());

      ListModelsResponse page =
          call().listModels(ListModelsRequest.newBuilder().putLabels("run", run).build());
      assertEquals(List.of(name), page.getModelsList().stream().map(Model::getName).toList());
      assertEquals("made by the Java client's tests", page.getModels(0).getDescription());
      assertEquals(Map.of("run", run), page.getModels(0).getLabelsMap());
    } finally {
      call().deleteModel(DeleteModelRequest.newBuilder().setName(name).build());
    }
    StatusRuntimeException error =
        assertThrows(
            StatusRuntimeException.class,
            () -> call().getModel(GetModelRequest.newBuilder().setName(name).build()));
    assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
  }

  @Test
  void malformedNameIsInvalidArgument() {
    StatusRuntimeException error =
        assertThrows(
            StatusRuntimeException.class,
            () -> call().createModel(CreateModelRequest.newBuilder().setName("no spaces").build()));

    assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
  }
}
