package io.maas.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.maas.inference.ModelInferResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire layout of raw contents, checked byte by byte; needs no server. */
class TensorsTest {
  @Test
  void int32IsLittleEndian() {
    ByteString raw = Tensors.int32(1, -2);

    assertArrayEquals(new byte[] {1, 0, 0, 0, -2, -1, -1, -1}, raw.toByteArray());
    assertArrayEquals(new int[] {1, -2}, Tensors.toInt32(raw));
  }

  @Test
  void numbersRoundTrip() {
    assertArrayEquals(
        new long[] {Long.MIN_VALUE, 0, 1L << 40},
        Tensors.toInt64(Tensors.int64(Long.MIN_VALUE, 0, 1L << 40)));
    assertArrayEquals(
        new float[] {0.5f, -3.25f, Float.MAX_VALUE},
        Tensors.toFp32(Tensors.fp32(0.5f, -3.25f, Float.MAX_VALUE)));
    assertArrayEquals(new double[] {Math.PI, -0.0}, Tensors.toFp64(Tensors.fp64(Math.PI, -0.0)));
    assertArrayEquals(new byte[] {0, 0, -128, 63}, Tensors.fp32(1.0f).toByteArray());
  }

  @Test
  void bytesElementsArePrefixedWithTheirLength() {
    ByteString raw = Tensors.strings("ab", "");

    assertArrayEquals(new byte[] {2, 0, 0, 0, 'a', 'b', 0, 0, 0, 0}, raw.toByteArray());
    assertEquals(List.of("ab", ""), Tensors.toStrings(raw));
  }

  @Test
  void truncatedBytesAreRefused() {
    ByteString elementPastTheEnd = ByteString.copyFrom(new byte[] {5, 0, 0, 0, 'a'});
    ByteString cutPrefix = ByteString.copyFrom(new byte[] {1, 0, 0, 0, 'a', 1, 0});

    assertThrows(IllegalArgumentException.class, () -> Tensors.toBytes(elementPastTheEnd));
    assertThrows(IllegalArgumentException.class, () -> Tensors.toBytes(cutPrefix));
  }

  @Test
  void partialElementsAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Tensors.toInt32(ByteString.copyFrom(new byte[6])));
  }

  @Test
  void rawOutputIsFoundByName() {
    ModelInferResponse response =
        ModelInferResponse.newBuilder()
            .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("A"))
            .addOutputs(ModelInferResponse.InferOutputTensor.newBuilder().setName("B"))
            .addRawOutputContents(Tensors.int32(1))
            .addRawOutputContents(Tensors.int32(2))
            .build();

    assertArrayEquals(new int[] {2}, Tensors.toInt32(Tensors.rawOutput(response, "B")));
    assertThrows(IllegalArgumentException.class, () -> Tensors.rawOutput(response, "C"));
  }
}
