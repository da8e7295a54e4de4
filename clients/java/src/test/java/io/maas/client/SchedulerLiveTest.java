package io.maas.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maas.scheduler.v1.CreateDeploymentRequest;
import io.maas.scheduler.v1.DeleteDeploymentRequest;
import io.maas.scheduler.v1.Deployment;
import io.maas.scheduler.v1.DeploymentSpec;
import io.maas.scheduler.v1.GetDeploymentRequest;
import io.maas.scheduler.v1.ListDeploymentsRequest;
import io.maas.scheduler.v1.SchedulerServiceGrpc;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deployments in maas.scheduler.v1: created, read with their status, deleted. */
class SchedulerLiveTest {
  private static ManagedChannel channel;
  private static SchedulerServiceGrpc.SchedulerServiceBlockingStub stub;

  @BeforeAll
  static void connect() {
    channel = LiveServer.channel("MAAS_SCHEDULER_ADDRESS");
    stub = SchedulerServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static SchedulerServiceGrpc.SchedulerServiceBlockingStub call() {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static Deployment get(String name) {
    return call()
        .getDeployment(GetDeploymentRequest.newBuilder().setName(name).build())
        .getDeployment();
  }

  @Test
  void createdDeploymentIsReadThenDeleted() {
    String name = "java-client-" + UUID.randomUUID();
    // The model need not exist for the deployment to be recorded: its status then says
    // why nothing is served (Resolved false), which is what this test reads.
    DeploymentSpec spec =
        DeploymentSpec.newBuilder()
            .setName(name)
            .setModel(name + "-model")
            .setAlias("production")
            .setMinReplicas(1)
            .setMaxReplicas(2)
            .build();
    Deployment created =
        call()
            .createDeployment(CreateDeploymentRequest.newBuilder().setSpec(spec).build())
            .getDeployment();
    try {
      assertEquals(1, created.getGeneration());

      Deployment read = get(name);
      assertEquals(name, read.getSpec().getName());
      assertEquals(name + "-model", read.getSpec().getModel());
      assertEquals("production", read.getSpec().getAlias());
      assertEquals(2, read.getStatus().getDesiredReplicas());
      assertEquals(0, read.getStatus().getReadyReplicas());
      assertFalse(read.getStatus().getConditionsList().isEmpty());

      assertTrue(
          call()
              .listDeployments(ListDeploymentsRequest.getDefaultInstance())
              .getDeploymentsList()
              .stream()
              .anyMatch(d -> d.getSpec().getName().equals(name)));

      StatusRuntimeException duplicate =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  call()
                      .createDeployment(
                          CreateDeploymentRequest.newBuilder().setSpec(spec).build()));
      assertEquals(Status.Code.ALREADY_EXISTS, duplicate.getStatus().getCode());
    } finally {
      call().deleteDeployment(DeleteDeploymentRequest.newBuilder().setName(name).build());
    }
    StatusRuntimeException gone = assertThrows(StatusRuntimeException.class, () -> get(name));
    assertEquals(Status.Code.NOT_FOUND, gone.getStatus().getCode());
  }

  @Test
  void absentDeploymentIsNotFound() {
    StatusRuntimeException error =
        assertThrows(StatusRuntimeException.class, () -> get("java-client-absent"));

    assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
  }

  @Test
  void specWithoutModelIsInvalidArgument() {
    DeploymentSpec spec = DeploymentSpec.newBuilder().setName("java-client-no-model").build();
    StatusRuntimeException error =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                call()
                    .createDeployment(CreateDeploymentRequest.newBuilder().setSpec(spec).build()));

    assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
  }
}
