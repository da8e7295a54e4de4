package io.maas.client;

import com.google.protobuf.ByteString;
import io.maas.inference.ModelInferRequest;
import io.maas.inference.ModelInferResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw tensor contents of the Open Inference Protocol ({@code raw_input_contents} and {@code
 * raw_output_contents}): elements in row-major order, little-endian whatever the machine, and each
 * BYTES element prefixed with its length as a little-endian uint32.
 */
public final class Tensors {
  private static final int LENGTH_PREFIX = Integer.BYTES;

  private Tensors() {}

  /** The metadata of one input; its contents go in {@code raw_input_contents}. */
  public static ModelInferRequest.InferInputTensor input(
      String name, String datatype, long... shape) {
    ModelInferRequest.InferInputTensor.Builder tensor =
        ModelInferRequest.InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
    for (long dim : shape) {
      tensor.addShape(dim);
    }
    return tensor.build();
  }

  /**
   * The raw contents of the output called {@code name}. Outputs and raw contents pair up by
   * position, so the name is looked up among the outputs.
   *
   * @throws IllegalArgumentException when the response has no such output or carries it in typed
   *     contents instead of raw bytes
   */
  public static ByteString rawOutput(ModelInferResponse response, String name) {
    for (int i = 0; i < response.getOutputsCount(); i++) {
      if (response.getOutputs(i).getName().equals(name)) {
        if (i >= response.getRawOutputContentsCount()) {
          throw new IllegalArgumentException("output '" + name + "' has no raw contents");
        }
        return response.getRawOutputContents(i);
      }
    }
    throw new IllegalArgumentException("the response has no output '" + name + "'");
  }

  public static ByteString int32(int... values) {
    ByteBuffer buffer = allocate(values.length * Integer.BYTES);
    buffer.asIntBuffer().put(values);
    return ByteString.copyFrom(buffer);
  }

  public static ByteString int64(long... values) {
    ByteBuffer buffer = allocate(values.length * Long.BYTES);
    buffer.asLongBuffer().put(values);
    return ByteString.copyFrom(buffer);
  }

  public static ByteString fp32(float... values) {
    ByteBuffer buffer = allocate(values.length * Float.BYTES);
    buffer.asFloatBuffer().put(values);
    return ByteString.copyFrom(buffer);
  }

  public static ByteString fp64(double... values) {
    ByteBuffer buffer = allocate(values.length * Double.BYTES);
    buffer.asDoubleBuffer().put(values);
    return ByteString.copyFrom(buffer);
  }

  /** BYTES elements, each written after its length. */
  public static ByteString bytes(List<byte[]> elements) {
    int size = 0;
    for (byte[] element : elements) {
      size += LENGTH_PREFIX + element.length;
    }
    ByteBuffer buffer = allocate(size);
    for (byte[] element : elements) {
      buffer.putInt(element.length).put(element);
    }
    buffer.flip();
    return ByteString.copyFrom(buffer);
  }

  /** BYTES elements holding UTF-8 strings. */
  public static ByteString strings(String... values) {
    List<byte[]> elements = new ArrayList<>(values.length);
    for (String value : values) {
      elements.add(value.getBytes(StandardCharsets.UTF_8));
    }
    return bytes(elements);
  }

  public static int[] toInt32(ByteString raw) {
    int[] values = new int[elementCount(raw, Integer.BYTES, "INT32")];
    view(raw).asIntBuffer().get(values);
    return values;
  }

  public static long[] toInt64(ByteString raw) {
    long[] values = new long[elementCount(raw, Long.BYTES, "INT64")];
    view(raw).asLongBuffer().get(values);
    return values;
  }

  public static float[] toFp32(ByteString raw) {
    float[] values = new float[elementCount(raw, Float.BYTES, "FP32")];
    view(raw).asFloatBuffer().get(values);
    return values;
  }

  public static double[] toFp64(ByteString raw) {
    double[] values = new double[elementCount(raw, Double.BYTES, "FP64")];
    view(raw).asDoubleBuffer().get(values);
    return values;
  }

  /**
   * Splits BYTES contents into their elements.
   *
   * @throws IllegalArgumentException when a length prefix or an element runs past the end
   */
  public static List<byte[]> toBytes(ByteString raw) {
    ByteBuffer buffer = view(raw);
    List<byte[]> elements = new ArrayList<>();
    while (buffer.hasRemaining()) {
      if (buffer.remaining() < LENGTH_PREFIX) {
        throw new IllegalArgumentException(
            "BYTES contents end inside a length prefix at offset " + buffer.position());
      }
      // An unsigned length above Integer.MAX_VALUE reads as negative: too long either way.
      int length = buffer.getInt();
      if (length < 0 || length > buffer.remaining()) {
        throw new IllegalArgumentException(
            "BYTES element at offset "
                + (buffer.position() - LENGTH_PREFIX)
                + " claims "
                + Integer.toUnsignedString(length)
                + " bytes; "
                + buffer.remaining()
                + " remain");
      }
      byte[] element = new byte[length];
      buffer.get(element);
      elements.add(element);
    }
    return elements;
  }

  /** BYTES contents read as UTF-8 strings. */
  public static List<String> toStrings(ByteString raw) {
    List<String> values = new ArrayList<>();
    for (byte[] element : toBytes(raw)) {
      values.add(new String(element, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static ByteBuffer allocate(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer view(ByteString raw) {
    return raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int elementCount(ByteString raw, int width, String datatype) {
    if (raw.size() % width != 0) {
      throw new IllegalArgumentException(
          raw.size() + " bytes are not a whole number of " + datatype + " elements");
    }
    return raw.size() / width;
  }
}
