package io.maas.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maas.inference.GRPCInferenceServiceGrpc;
import io.maas.inference.ModelInferRequest;
import io.maas.inference.ModelInferResponse;
import io.maas.inference.ModelMetadataRequest;
import io.maas.inference.ModelMetadataResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worker's demo models through inference.GRPCInferenceService. */
class InferenceLiveTest {
  private static ManagedChannel channel;
  private static GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub;

  @BeforeAll
  static void connect() {
    channel = LiveServer.channel("MAAS_INFERENCE_ADDRESS");
    stub = GRPCInferenceServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub call() {
    return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private static ModelInferRequest addSub(long[] shape, int[] a, int[] b) {
    return ModelInferRequest.newBuilder()
        .setModelName("add_sub")
        .addInputs(Tensors.input("INPUT0", "INT32", shape))
        .addInputs(Tensors.input("INPUT1", "INT32", shape))
        .addRawInputContents(Tensors.int32(a))
        .addRawInputContents(Tensors.int32(b))
        .build();
  }

  @Test
  void addSubAddsAndSubtracts() {
    int[] a = new int[16];
    int[] b = new int[16];
    int[] sum = new int[16];
    int[] difference = new int[16];
    for (int i = 0; i < 16; i++) {
      a[i] = i * 7 - 40;
      b[i] = 3 - i * i;
      sum[i] = a[i] + b[i];
      difference[i] = a[i] - b[i];
    }
    ModelInferResponse response = call().modelInfer(addSub(new long[] {1, 16}, a, b));

    assertEquals("add_sub", response.getModelName());
    assertEquals(2, response.getOutputsCount());
    for (ModelInferResponse.InferOutputTensor output : response.getOutputsList()) {
      assertEquals("INT32", output.getDatatype(), output.getName());
      assertEquals(List.of(1L, 16L), output.getShapeList(), output.getName());
    }
    assertArrayEquals(sum, Tensors.toInt32(Tensors.rawOutput(response, "OUTPUT0")));
    assertArrayEquals(difference, Tensors.toInt32(Tensors.rawOutput(response, "OUTPUT1")));
  }

  @Test
  void stringIdentityReturnsItsBytesElements() {
    ModelInferRequest request =
        ModelInferRequest.newBuilder()
            .setModelName("string_identity")
            .addInputs(Tensors.input("INPUT0", "BYTES", 1, 3))
            .addRawInputContents(Tensors.strings("maas", "", "Grüße"))
            .build();
    ModelInferResponse response = call().modelInfer(request);

    assertEquals("BYTES", response.getOutputs(0).getDatatype());
    assertEquals(
        List.of("maas", "", "Grüße"), Tensors.toStrings(Tensors.rawOutput(response, "OUTPUT0")));
  }

  @Test
  void metadataDescribesAddSub() {
    ModelMetadataResponse metadata =
        call().modelMetadata(ModelMetadataRequest.newBuilder().setName("add_sub").build());

    assertEquals("add_sub", metadata.getName());
    assertEquals(2, metadata.getInputsCount());
    assertEquals("INT32", metadata.getInputs(0).getDatatype());
    assertEquals(List.of(-1L, 16L), metadata.getInputs(0).getShapeList());
  }

  @Test
  void unknownModelIsNotFound() {
    ModelInferRequest request =
        addSub(new long[] {1, 16}, new int[16], new int[16]).toBuilder()
            .setModelName("no_such_model")
            .build();
    StatusRuntimeException error =
        assertThrows(StatusRuntimeException.class, () -> call().modelInfer(request));

    assertEquals(Status.Code.NOT_FOUND, error.getStatus().getCode());
    assertTrue(error.getStatus().getDescription().contains("no_such_model"));
  }

  @Test
  void wrongShapeIsInvalidArgument() {
    ModelInferRequest request = addSub(new long[] {1, 3}, new int[3], new int[3]);
    StatusRuntimeException error =
        assertThrows(StatusRuntimeException.class, () -> call().modelInfer(request));

    assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    assertTrue(error.getStatus().getDescription().contains("INPUT0"));
  }
}
