package io.maas.inference;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Health, metadata and inference (RPCs 1-7 are the community protocol), then
 * Triton's extensions: configuration, statistics, repository control, shared
 * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class GRPCInferenceServiceGrpc {

  private GRPCInferenceServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "inference.GRPCInferenceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ServerLiveRequest,
      io.maas.inference.ServerLiveResponse> getServerLiveMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ServerLive",
      requestType = io.maas.inference.ServerLiveRequest.class,
      responseType = io.maas.inference.ServerLiveResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ServerLiveRequest,
      io.maas.inference.ServerLiveResponse> getServerLiveMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ServerLiveRequest, io.maas.inference.ServerLiveResponse> getServerLiveMethod;
    if ((getServerLiveMethod = GRPCInferenceServiceGrpc.getServerLiveMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getServerLiveMethod = GRPCInferenceServiceGrpc.getServerLiveMethod) == null) {
          GRPCInferenceServiceGrpc.getServerLiveMethod = getServerLiveMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ServerLiveRequest, io.maas.inference.ServerLiveResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ServerLive"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ServerLiveRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ServerLiveResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ServerLive"))
              .build();
        }
      }
    }
    return getServerLiveMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ServerReadyRequest,
      io.maas.inference.ServerReadyResponse> getServerReadyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ServerReady",
      requestType = io.maas.inference.ServerReadyRequest.class,
      responseType = io.maas.inference.ServerReadyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ServerReadyRequest,
      io.maas.inference.ServerReadyResponse> getServerReadyMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ServerReadyRequest, io.maas.inference.ServerReadyResponse> getServerReadyMethod;
    if ((getServerReadyMethod = GRPCInferenceServiceGrpc.getServerReadyMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getServerReadyMethod = GRPCInferenceServiceGrpc.getServerReadyMethod) == null) {
          GRPCInferenceServiceGrpc.getServerReadyMethod = getServerReadyMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ServerReadyRequest, io.maas.inference.ServerReadyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ServerReady"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ServerReadyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ServerReadyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ServerReady"))
              .build();
        }
      }
    }
    return getServerReadyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ModelReadyRequest,
      io.maas.inference.ModelReadyResponse> getModelReadyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ModelReady",
      requestType = io.maas.inference.ModelReadyRequest.class,
      responseType = io.maas.inference.ModelReadyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ModelReadyRequest,
      io.maas.inference.ModelReadyResponse> getModelReadyMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ModelReadyRequest, io.maas.inference.ModelReadyResponse> getModelReadyMethod;
    if ((getModelReadyMethod = GRPCInferenceServiceGrpc.getModelReadyMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getModelReadyMethod = GRPCInferenceServiceGrpc.getModelReadyMethod) == null) {
          GRPCInferenceServiceGrpc.getModelReadyMethod = getModelReadyMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ModelReadyRequest, io.maas.inference.ModelReadyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ModelReady"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelReadyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelReadyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ModelReady"))
              .build();
        }
      }
    }
    return getModelReadyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ServerMetadataRequest,
      io.maas.inference.ServerMetadataResponse> getServerMetadataMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ServerMetadata",
      requestType = io.maas.inference.ServerMetadataRequest.class,
      responseType = io.maas.inference.ServerMetadataResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ServerMetadataRequest,
      io.maas.inference.ServerMetadataResponse> getServerMetadataMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ServerMetadataRequest, io.maas.inference.ServerMetadataResponse> getServerMetadataMethod;
    if ((getServerMetadataMethod = GRPCInferenceServiceGrpc.getServerMetadataMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getServerMetadataMethod = GRPCInferenceServiceGrpc.getServerMetadataMethod) == null) {
          GRPCInferenceServiceGrpc.getServerMetadataMethod = getServerMetadataMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ServerMetadataRequest, io.maas.inference.ServerMetadataResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ServerMetadata"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ServerMetadataRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ServerMetadataResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ServerMetadata"))
              .build();
        }
      }
    }
    return getServerMetadataMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ModelMetadataRequest,
      io.maas.inference.ModelMetadataResponse> getModelMetadataMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ModelMetadata",
      requestType = io.maas.inference.ModelMetadataRequest.class,
      responseType = io.maas.inference.ModelMetadataResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ModelMetadataRequest,
      io.maas.inference.ModelMetadataResponse> getModelMetadataMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ModelMetadataRequest, io.maas.inference.ModelMetadataResponse> getModelMetadataMethod;
    if ((getModelMetadataMethod = GRPCInferenceServiceGrpc.getModelMetadataMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getModelMetadataMethod = GRPCInferenceServiceGrpc.getModelMetadataMethod) == null) {
          GRPCInferenceServiceGrpc.getModelMetadataMethod = getModelMetadataMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ModelMetadataRequest, io.maas.inference.ModelMetadataResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ModelMetadata"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelMetadataRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelMetadataResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ModelMetadata"))
              .build();
        }
      }
    }
    return getModelMetadataMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ModelInferRequest,
      io.maas.inference.ModelInferResponse> getModelInferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ModelInfer",
      requestType = io.maas.inference.ModelInferRequest.class,
      responseType = io.maas.inference.ModelInferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ModelInferRequest,
      io.maas.inference.ModelInferResponse> getModelInferMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ModelInferRequest, io.maas.inference.ModelInferResponse> getModelInferMethod;
    if ((getModelInferMethod = GRPCInferenceServiceGrpc.getModelInferMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getModelInferMethod = GRPCInferenceServiceGrpc.getModelInferMethod) == null) {
          GRPCInferenceServiceGrpc.getModelInferMethod = getModelInferMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ModelInferRequest, io.maas.inference.ModelInferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ModelInfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelInferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelInferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ModelInfer"))
              .build();
        }
      }
    }
    return getModelInferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ModelInferRequest,
      io.maas.inference.ModelStreamInferResponse> getModelStreamInferMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ModelStreamInfer",
      requestType = io.maas.inference.ModelInferRequest.class,
      responseType = io.maas.inference.ModelStreamInferResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
  public static io.grpc.MethodDescriptor<io.maas.inference.ModelInferRequest,
      io.maas.inference.ModelStreamInferResponse> getModelStreamInferMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ModelInferRequest, io.maas.inference.ModelStreamInferResponse> getModelStreamInferMethod;
    if ((getModelStreamInferMethod = GRPCInferenceServiceGrpc.getModelStreamInferMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getModelStreamInferMethod = GRPCInferenceServiceGrpc.getModelStreamInferMethod) == null) {
          GRPCInferenceServiceGrpc.getModelStreamInferMethod = getModelStreamInferMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ModelInferRequest, io.maas.inference.ModelStreamInferResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ModelStreamInfer"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelInferRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelStreamInferResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ModelStreamInfer"))
              .build();
        }
      }
    }
    return getModelStreamInferMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ModelConfigRequest,
      io.maas.inference.ModelConfigResponse> getModelConfigMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ModelConfig",
      requestType = io.maas.inference.ModelConfigRequest.class,
      responseType = io.maas.inference.ModelConfigResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ModelConfigRequest,
      io.maas.inference.ModelConfigResponse> getModelConfigMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ModelConfigRequest, io.maas.inference.ModelConfigResponse> getModelConfigMethod;
    if ((getModelConfigMethod = GRPCInferenceServiceGrpc.getModelConfigMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getModelConfigMethod = GRPCInferenceServiceGrpc.getModelConfigMethod) == null) {
          GRPCInferenceServiceGrpc.getModelConfigMethod = getModelConfigMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ModelConfigRequest, io.maas.inference.ModelConfigResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ModelConfig"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelConfigRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelConfigResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ModelConfig"))
              .build();
        }
      }
    }
    return getModelConfigMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.ModelStatisticsRequest,
      io.maas.inference.ModelStatisticsResponse> getModelStatisticsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ModelStatistics",
      requestType = io.maas.inference.ModelStatisticsRequest.class,
      responseType = io.maas.inference.ModelStatisticsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.ModelStatisticsRequest,
      io.maas.inference.ModelStatisticsResponse> getModelStatisticsMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.ModelStatisticsRequest, io.maas.inference.ModelStatisticsResponse> getModelStatisticsMethod;
    if ((getModelStatisticsMethod = GRPCInferenceServiceGrpc.getModelStatisticsMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getModelStatisticsMethod = GRPCInferenceServiceGrpc.getModelStatisticsMethod) == null) {
          GRPCInferenceServiceGrpc.getModelStatisticsMethod = getModelStatisticsMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.ModelStatisticsRequest, io.maas.inference.ModelStatisticsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ModelStatistics"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelStatisticsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.ModelStatisticsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("ModelStatistics"))
              .build();
        }
      }
    }
    return getModelStatisticsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.RepositoryIndexRequest,
      io.maas.inference.RepositoryIndexResponse> getRepositoryIndexMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RepositoryIndex",
      requestType = io.maas.inference.RepositoryIndexRequest.class,
      responseType = io.maas.inference.RepositoryIndexResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.RepositoryIndexRequest,
      io.maas.inference.RepositoryIndexResponse> getRepositoryIndexMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.RepositoryIndexRequest, io.maas.inference.RepositoryIndexResponse> getRepositoryIndexMethod;
    if ((getRepositoryIndexMethod = GRPCInferenceServiceGrpc.getRepositoryIndexMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getRepositoryIndexMethod = GRPCInferenceServiceGrpc.getRepositoryIndexMethod) == null) {
          GRPCInferenceServiceGrpc.getRepositoryIndexMethod = getRepositoryIndexMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.RepositoryIndexRequest, io.maas.inference.RepositoryIndexResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RepositoryIndex"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.RepositoryIndexRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.RepositoryIndexResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("RepositoryIndex"))
              .build();
        }
      }
    }
    return getRepositoryIndexMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.RepositoryModelLoadRequest,
      io.maas.inference.RepositoryModelLoadResponse> getRepositoryModelLoadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RepositoryModelLoad",
      requestType = io.maas.inference.RepositoryModelLoadRequest.class,
      responseType = io.maas.inference.RepositoryModelLoadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.RepositoryModelLoadRequest,
      io.maas.inference.RepositoryModelLoadResponse> getRepositoryModelLoadMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.RepositoryModelLoadRequest, io.maas.inference.RepositoryModelLoadResponse> getRepositoryModelLoadMethod;
    if ((getRepositoryModelLoadMethod = GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getRepositoryModelLoadMethod = GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod) == null) {
          GRPCInferenceServiceGrpc.getRepositoryModelLoadMethod = getRepositoryModelLoadMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.RepositoryModelLoadRequest, io.maas.inference.RepositoryModelLoadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RepositoryModelLoad"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.RepositoryModelLoadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.RepositoryModelLoadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("RepositoryModelLoad"))
              .build();
        }
      }
    }
    return getRepositoryModelLoadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.RepositoryModelUnloadRequest,
      io.maas.inference.RepositoryModelUnloadResponse> getRepositoryModelUnloadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RepositoryModelUnload",
      requestType = io.maas.inference.RepositoryModelUnloadRequest.class,
      responseType = io.maas.inference.RepositoryModelUnloadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.RepositoryModelUnloadRequest,
      io.maas.inference.RepositoryModelUnloadResponse> getRepositoryModelUnloadMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.RepositoryModelUnloadRequest, io.maas.inference.RepositoryModelUnloadResponse> getRepositoryModelUnloadMethod;
    if ((getRepositoryModelUnloadMethod = GRPCInferenceServiceGrpc.getRepositoryModelUnloadMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getRepositoryModelUnloadMethod = GRPCInferenceServiceGrpc.getRepositoryModelUnloadMethod) == null) {
          GRPCInferenceServiceGrpc.getRepositoryModelUnloadMethod = getRepositoryModelUnloadMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.RepositoryModelUnloadRequest, io.maas.inference.RepositoryModelUnloadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RepositoryModelUnload"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.RepositoryModelUnloadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.RepositoryModelUnloadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("RepositoryModelUnload"))
              .build();
        }
      }
    }
    return getRepositoryModelUnloadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryStatusRequest,
      io.maas.inference.SystemSharedMemoryStatusResponse> getSystemSharedMemoryStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SystemSharedMemoryStatus",
      requestType = io.maas.inference.SystemSharedMemoryStatusRequest.class,
      responseType = io.maas.inference.SystemSharedMemoryStatusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryStatusRequest,
      io.maas.inference.SystemSharedMemoryStatusResponse> getSystemSharedMemoryStatusMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryStatusRequest, io.maas.inference.SystemSharedMemoryStatusResponse> getSystemSharedMemoryStatusMethod;
    if ((getSystemSharedMemoryStatusMethod = GRPCInferenceServiceGrpc.getSystemSharedMemoryStatusMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getSystemSharedMemoryStatusMethod = GRPCInferenceServiceGrpc.getSystemSharedMemoryStatusMethod) == null) {
          GRPCInferenceServiceGrpc.getSystemSharedMemoryStatusMethod = getSystemSharedMemoryStatusMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.SystemSharedMemoryStatusRequest, io.maas.inference.SystemSharedMemoryStatusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SystemSharedMemoryStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.SystemSharedMemoryStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.SystemSharedMemoryStatusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("SystemSharedMemoryStatus"))
              .build();
        }
      }
    }
    return getSystemSharedMemoryStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryRegisterRequest,
      io.maas.inference.SystemSharedMemoryRegisterResponse> getSystemSharedMemoryRegisterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SystemSharedMemoryRegister",
      requestType = io.maas.inference.SystemSharedMemoryRegisterRequest.class,
      responseType = io.maas.inference.SystemSharedMemoryRegisterResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryRegisterRequest,
      io.maas.inference.SystemSharedMemoryRegisterResponse> getSystemSharedMemoryRegisterMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryRegisterRequest, io.maas.inference.SystemSharedMemoryRegisterResponse> getSystemSharedMemoryRegisterMethod;
    if ((getSystemSharedMemoryRegisterMethod = GRPCInferenceServiceGrpc.getSystemSharedMemoryRegisterMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getSystemSharedMemoryRegisterMethod = GRPCInferenceServiceGrpc.getSystemSharedMemoryRegisterMethod) == null) {
          GRPCInferenceServiceGrpc.getSystemSharedMemoryRegisterMethod = getSystemSharedMemoryRegisterMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.SystemSharedMemoryRegisterRequest, io.maas.inference.SystemSharedMemoryRegisterResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SystemSharedMemoryRegister"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.SystemSharedMemoryRegisterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.SystemSharedMemoryRegisterResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("SystemSharedMemoryRegister"))
              .build();
        }
      }
    }
    return getSystemSharedMemoryRegisterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryUnregisterRequest,
      io.maas.inference.SystemSharedMemoryUnregisterResponse> getSystemSharedMemoryUnregisterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SystemSharedMemoryUnregister",
      requestType = io.maas.inference.SystemSharedMemoryUnregisterRequest.class,
      responseType = io.maas.inference.SystemSharedMemoryUnregisterResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryUnregisterRequest,
      io.maas.inference.SystemSharedMemoryUnregisterResponse> getSystemSharedMemoryUnregisterMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.SystemSharedMemoryUnregisterRequest, io.maas.inference.SystemSharedMemoryUnregisterResponse> getSystemSharedMemoryUnregisterMethod;
    if ((getSystemSharedMemoryUnregisterMethod = GRPCInferenceServiceGrpc.getSystemSharedMemoryUnregisterMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getSystemSharedMemoryUnregisterMethod = GRPCInferenceServiceGrpc.getSystemSharedMemoryUnregisterMethod) == null) {
          GRPCInferenceServiceGrpc.getSystemSharedMemoryUnregisterMethod = getSystemSharedMemoryUnregisterMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.SystemSharedMemoryUnregisterRequest, io.maas.inference.SystemSharedMemoryUnregisterResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SystemSharedMemoryUnregister"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.SystemSharedMemoryUnregisterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.SystemSharedMemoryUnregisterResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("SystemSharedMemoryUnregister"))
              .build();
        }
      }
    }
    return getSystemSharedMemoryUnregisterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryStatusRequest,
      io.maas.inference.CudaSharedMemoryStatusResponse> getCudaSharedMemoryStatusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CudaSharedMemoryStatus",
      requestType = io.maas.inference.CudaSharedMemoryStatusRequest.class,
      responseType = io.maas.inference.CudaSharedMemoryStatusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryStatusRequest,
      io.maas.inference.CudaSharedMemoryStatusResponse> getCudaSharedMemoryStatusMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryStatusRequest, io.maas.inference.CudaSharedMemoryStatusResponse> getCudaSharedMemoryStatusMethod;
    if ((getCudaSharedMemoryStatusMethod = GRPCInferenceServiceGrpc.getCudaSharedMemoryStatusMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getCudaSharedMemoryStatusMethod = GRPCInferenceServiceGrpc.getCudaSharedMemoryStatusMethod) == null) {
          GRPCInferenceServiceGrpc.getCudaSharedMemoryStatusMethod = getCudaSharedMemoryStatusMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.CudaSharedMemoryStatusRequest, io.maas.inference.CudaSharedMemoryStatusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CudaSharedMemoryStatus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.CudaSharedMemoryStatusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.CudaSharedMemoryStatusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("CudaSharedMemoryStatus"))
              .build();
        }
      }
    }
    return getCudaSharedMemoryStatusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryRegisterRequest,
      io.maas.inference.CudaSharedMemoryRegisterResponse> getCudaSharedMemoryRegisterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CudaSharedMemoryRegister",
      requestType = io.maas.inference.CudaSharedMemoryRegisterRequest.class,
      responseType = io.maas.inference.CudaSharedMemoryRegisterResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryRegisterRequest,
      io.maas.inference.CudaSharedMemoryRegisterResponse> getCudaSharedMemoryRegisterMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryRegisterRequest, io.maas.inference.CudaSharedMemoryRegisterResponse> getCudaSharedMemoryRegisterMethod;
    if ((getCudaSharedMemoryRegisterMethod = GRPCInferenceServiceGrpc.getCudaSharedMemoryRegisterMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getCudaSharedMemoryRegisterMethod = GRPCInferenceServiceGrpc.getCudaSharedMemoryRegisterMethod) == null) {
          GRPCInferenceServiceGrpc.getCudaSharedMemoryRegisterMethod = getCudaSharedMemoryRegisterMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.CudaSharedMemoryRegisterRequest, io.maas.inference.CudaSharedMemoryRegisterResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CudaSharedMemoryRegister"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.CudaSharedMemoryRegisterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.CudaSharedMemoryRegisterResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("CudaSharedMemoryRegister"))
              .build();
        }
      }
    }
    return getCudaSharedMemoryRegisterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryUnregisterRequest,
      io.maas.inference.CudaSharedMemoryUnregisterResponse> getCudaSharedMemoryUnregisterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CudaSharedMemoryUnregister",
      requestType = io.maas.inference.CudaSharedMemoryUnregisterRequest.class,
      responseType = io.maas.inference.CudaSharedMemoryUnregisterResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryUnregisterRequest,
      io.maas.inference.CudaSharedMemoryUnregisterResponse> getCudaSharedMemoryUnregisterMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.CudaSharedMemoryUnregisterRequest, io.maas.inference.CudaSharedMemoryUnregisterResponse> getCudaSharedMemoryUnregisterMethod;
    if ((getCudaSharedMemoryUnregisterMethod = GRPCInferenceServiceGrpc.getCudaSharedMemoryUnregisterMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getCudaSharedMemoryUnregisterMethod = GRPCInferenceServiceGrpc.getCudaSharedMemoryUnregisterMethod) == null) {
          GRPCInferenceServiceGrpc.getCudaSharedMemoryUnregisterMethod = getCudaSharedMemoryUnregisterMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.CudaSharedMemoryUnregisterRequest, io.maas.inference.CudaSharedMemoryUnregisterResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CudaSharedMemoryUnregister"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.CudaSharedMemoryUnregisterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.CudaSharedMemoryUnregisterResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("CudaSharedMemoryUnregister"))
              .build();
        }
      }
    }
    return getCudaSharedMemoryUnregisterMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.TraceSettingRequest,
      io.maas.inference.TraceSettingResponse> getTraceSettingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "TraceSetting",
      requestType = io.maas.inference.TraceSettingRequest.class,
      responseType = io.maas.inference.TraceSettingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.TraceSettingRequest,
      io.maas.inference.TraceSettingResponse> getTraceSettingMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.TraceSettingRequest, io.maas.inference.TraceSettingResponse> getTraceSettingMethod;
    if ((getTraceSettingMethod = GRPCInferenceServiceGrpc.getTraceSettingMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getTraceSettingMethod = GRPCInferenceServiceGrpc.getTraceSettingMethod) == null) {
          GRPCInferenceServiceGrpc.getTraceSettingMethod = getTraceSettingMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.TraceSettingRequest, io.maas.inference.TraceSettingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "TraceSetting"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.TraceSettingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.TraceSettingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("TraceSetting"))
              .build();
        }
      }
    }
    return getTraceSettingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.inference.LogSettingsRequest,
      io.maas.inference.LogSettingsResponse> getLogSettingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "LogSettings",
      requestType = io.maas.inference.LogSettingsRequest.class,
      responseType = io.maas.inference.LogSettingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.inference.LogSettingsRequest,
      io.maas.inference.LogSettingsResponse> getLogSettingsMethod() {
    io.grpc.MethodDescriptor<io.maas.inference.LogSettingsRequest, io.maas.inference.LogSettingsResponse> getLogSettingsMethod;
    if ((getLogSettingsMethod = GRPCInferenceServiceGrpc.getLogSettingsMethod) == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        if ((getLogSettingsMethod = GRPCInferenceServiceGrpc.getLogSettingsMethod) == null) {
          GRPCInferenceServiceGrpc.getLogSettingsMethod = getLogSettingsMethod =
              io.grpc.MethodDescriptor.<io.maas.inference.LogSettingsRequest, io.maas.inference.LogSettingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "LogSettings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.LogSettingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.inference.LogSettingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GRPCInferenceServiceMethodDescriptorSupplier("LogSettings"))
              .build();
        }
      }
    }
    return getLogSettingsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static GRPCInferenceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceStub>() {
        @java.lang.Override
        public GRPCInferenceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GRPCInferenceServiceStub(channel, callOptions);
        }
      };
    return GRPCInferenceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static GRPCInferenceServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceBlockingV2Stub>() {
        @java.lang.Override
        public GRPCInferenceServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GRPCInferenceServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return GRPCInferenceServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static GRPCInferenceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceBlockingStub>() {
        @java.lang.Override
        public GRPCInferenceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GRPCInferenceServiceBlockingStub(channel, callOptions);
        }
      };
    return GRPCInferenceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static GRPCInferenceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GRPCInferenceServiceFutureStub>() {
        @java.lang.Override
        public GRPCInferenceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GRPCInferenceServiceFutureStub(channel, callOptions);
        }
      };
    return GRPCInferenceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Health, metadata and inference (RPCs 1-7 are the community protocol), then
   * Triton's extensions: configuration, statistics, repository control, shared
   * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
   * </pre>
   */
  public interface AsyncService {

    /**
     */
    default void serverLive(io.maas.inference.ServerLiveRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ServerLiveResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getServerLiveMethod(), responseObserver);
    }

    /**
     */
    default void serverReady(io.maas.inference.ServerReadyRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ServerReadyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getServerReadyMethod(), responseObserver);
    }

    /**
     */
    default void modelReady(io.maas.inference.ModelReadyRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelReadyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getModelReadyMethod(), responseObserver);
    }

    /**
     */
    default void serverMetadata(io.maas.inference.ServerMetadataRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ServerMetadataResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getServerMetadataMethod(), responseObserver);
    }

    /**
     */
    default void modelMetadata(io.maas.inference.ModelMetadataRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelMetadataResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getModelMetadataMethod(), responseObserver);
    }

    /**
     */
    default void modelInfer(io.maas.inference.ModelInferRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelInferResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getModelInferMethod(), responseObserver);
    }

    /**
     */
    default io.grpc.stub.StreamObserver<io.maas.inference.ModelInferRequest> modelStreamInfer(
        io.grpc.stub.StreamObserver<io.maas.inference.ModelStreamInferResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getModelStreamInferMethod(), responseObserver);
    }

    /**
     */
    default void modelConfig(io.maas.inference.ModelConfigRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelConfigResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getModelConfigMethod(), responseObserver);
    }

    /**
     */
    default void modelStatistics(io.maas.inference.ModelStatisticsRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelStatisticsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getModelStatisticsMethod(), responseObserver);
    }

    /**
     */
    default void repositoryIndex(io.maas.inference.RepositoryIndexRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.RepositoryIndexResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRepositoryIndexMethod(), responseObserver);
    }

    /**
     */
    default void repositoryModelLoad(io.maas.inference.RepositoryModelLoadRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.RepositoryModelLoadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRepositoryModelLoadMethod(), responseObserver);
    }

    /**
     */
    default void repositoryModelUnload(io.maas.inference.RepositoryModelUnloadRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.RepositoryModelUnloadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRepositoryModelUnloadMethod(), responseObserver);
    }

    /**
     */
    default void systemSharedMemoryStatus(io.maas.inference.SystemSharedMemoryStatusRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryStatusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSystemSharedMemoryStatusMethod(), responseObserver);
    }

    /**
     */
    default void systemSharedMemoryRegister(io.maas.inference.SystemSharedMemoryRegisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryRegisterResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSystemSharedMemoryRegisterMethod(), responseObserver);
    }

    /**
     */
    default void systemSharedMemoryUnregister(io.maas.inference.SystemSharedMemoryUnregisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryUnregisterResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSystemSharedMemoryUnregisterMethod(), responseObserver);
    }

    /**
     */
    default void cudaSharedMemoryStatus(io.maas.inference.CudaSharedMemoryStatusRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryStatusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCudaSharedMemoryStatusMethod(), responseObserver);
    }

    /**
     */
    default void cudaSharedMemoryRegister(io.maas.inference.CudaSharedMemoryRegisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryRegisterResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCudaSharedMemoryRegisterMethod(), responseObserver);
    }

    /**
     */
    default void cudaSharedMemoryUnregister(io.maas.inference.CudaSharedMemoryUnregisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryUnregisterResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCudaSharedMemoryUnregisterMethod(), responseObserver);
    }

    /**
     */
    default void traceSetting(io.maas.inference.TraceSettingRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.TraceSettingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getTraceSettingMethod(), responseObserver);
    }

    /**
     */
    default void logSettings(io.maas.inference.LogSettingsRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.LogSettingsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getLogSettingsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service GRPCInferenceService.
   * <pre>
   * Health, metadata and inference (RPCs 1-7 are the community protocol), then
   * Triton's extensions: configuration, statistics, repository control, shared
   * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
   * </pre>
   */
  public static abstract class GRPCInferenceServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return GRPCInferenceServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service GRPCInferenceService.
   * <pre>
   * Health, metadata and inference (RPCs 1-7 are the community protocol), then
   * Triton's extensions: configuration, statistics, repository control, shared
   * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
   * </pre>
   */
  public static final class GRPCInferenceServiceStub
      extends io.grpc.stub.AbstractAsyncStub<GRPCInferenceServiceStub> {
    private GRPCInferenceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GRPCInferenceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GRPCInferenceServiceStub(channel, callOptions);
    }

    /**
     */
    public void serverLive(io.maas.inference.ServerLiveRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ServerLiveResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getServerLiveMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void serverReady(io.maas.inference.ServerReadyRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ServerReadyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getServerReadyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void modelReady(io.maas.inference.ModelReadyRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelReadyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getModelReadyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void serverMetadata(io.maas.inference.ServerMetadataRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ServerMetadataResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getServerMetadataMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void modelMetadata(io.maas.inference.ModelMetadataRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelMetadataResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getModelMetadataMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void modelInfer(io.maas.inference.ModelInferRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelInferResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getModelInferMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public io.grpc.stub.StreamObserver<io.maas.inference.ModelInferRequest> modelStreamInfer(
        io.grpc.stub.StreamObserver<io.maas.inference.ModelStreamInferResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncBidiStreamingCall(
          getChannel().newCall(getModelStreamInferMethod(), getCallOptions()), responseObserver);
    }

    /**
     */
    public void modelConfig(io.maas.inference.ModelConfigRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelConfigResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getModelConfigMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void modelStatistics(io.maas.inference.ModelStatisticsRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.ModelStatisticsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getModelStatisticsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void repositoryIndex(io.maas.inference.RepositoryIndexRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.RepositoryIndexResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRepositoryIndexMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void repositoryModelLoad(io.maas.inference.RepositoryModelLoadRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.RepositoryModelLoadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRepositoryModelLoadMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void repositoryModelUnload(io.maas.inference.RepositoryModelUnloadRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.RepositoryModelUnloadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRepositoryModelUnloadMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void systemSharedMemoryStatus(io.maas.inference.SystemSharedMemoryStatusRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryStatusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSystemSharedMemoryStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void systemSharedMemoryRegister(io.maas.inference.SystemSharedMemoryRegisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryRegisterResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSystemSharedMemoryRegisterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void systemSharedMemoryUnregister(io.maas.inference.SystemSharedMemoryUnregisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryUnregisterResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSystemSharedMemoryUnregisterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void cudaSharedMemoryStatus(io.maas.inference.CudaSharedMemoryStatusRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryStatusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCudaSharedMemoryStatusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void cudaSharedMemoryRegister(io.maas.inference.CudaSharedMemoryRegisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryRegisterResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCudaSharedMemoryRegisterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void cudaSharedMemoryUnregister(io.maas.inference.CudaSharedMemoryUnregisterRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryUnregisterResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCudaSharedMemoryUnregisterMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void traceSetting(io.maas.inference.TraceSettingRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.TraceSettingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getTraceSettingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void logSettings(io.maas.inference.LogSettingsRequest request,
        io.grpc.stub.StreamObserver<io.maas.inference.LogSettingsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getLogSettingsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service GRPCInferenceService.
   * <pre>
   * Health, metadata and inference (RPCs 1-7 are the community protocol), then
   * Triton's extensions: configuration, statistics, repository control, shared
   * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
   * </pre>
   */
  public static final class GRPCInferenceServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<GRPCInferenceServiceBlockingV2Stub> {
    private GRPCInferenceServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GRPCInferenceServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GRPCInferenceServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     */
    public io.maas.inference.ServerLiveResponse serverLive(io.maas.inference.ServerLiveRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getServerLiveMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ServerReadyResponse serverReady(io.maas.inference.ServerReadyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getServerReadyMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelReadyResponse modelReady(io.maas.inference.ModelReadyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getModelReadyMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ServerMetadataResponse serverMetadata(io.maas.inference.ServerMetadataRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getServerMetadataMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelMetadataResponse modelMetadata(io.maas.inference.ModelMetadataRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getModelMetadataMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelInferResponse modelInfer(io.maas.inference.ModelInferRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getModelInferMethod(), getCallOptions(), request);
    }

    /**
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<io.maas.inference.ModelInferRequest, io.maas.inference.ModelStreamInferResponse>
        modelStreamInfer() {
      return io.grpc.stub.ClientCalls.blockingBidiStreamingCall(
          getChannel(), getModelStreamInferMethod(), getCallOptions());
    }

    /**
     */
    public io.maas.inference.ModelConfigResponse modelConfig(io.maas.inference.ModelConfigRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getModelConfigMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelStatisticsResponse modelStatistics(io.maas.inference.ModelStatisticsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getModelStatisticsMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.RepositoryIndexResponse repositoryIndex(io.maas.inference.RepositoryIndexRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRepositoryIndexMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.RepositoryModelLoadResponse repositoryModelLoad(io.maas.inference.RepositoryModelLoadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRepositoryModelLoadMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.RepositoryModelUnloadResponse repositoryModelUnload(io.maas.inference.RepositoryModelUnloadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRepositoryModelUnloadMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.SystemSharedMemoryStatusResponse systemSharedMemoryStatus(io.maas.inference.SystemSharedMemoryStatusRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSystemSharedMemoryStatusMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.SystemSharedMemoryRegisterResponse systemSharedMemoryRegister(io.maas.inference.SystemSharedMemoryRegisterRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSystemSharedMemoryRegisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.SystemSharedMemoryUnregisterResponse systemSharedMemoryUnregister(io.maas.inference.SystemSharedMemoryUnregisterRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSystemSharedMemoryUnregisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.CudaSharedMemoryStatusResponse cudaSharedMemoryStatus(io.maas.inference.CudaSharedMemoryStatusRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCudaSharedMemoryStatusMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.CudaSharedMemoryRegisterResponse cudaSharedMemoryRegister(io.maas.inference.CudaSharedMemoryRegisterRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCudaSharedMemoryRegisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.CudaSharedMemoryUnregisterResponse cudaSharedMemoryUnregister(io.maas.inference.CudaSharedMemoryUnregisterRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCudaSharedMemoryUnregisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.TraceSettingResponse traceSetting(io.maas.inference.TraceSettingRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getTraceSettingMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.LogSettingsResponse logSettings(io.maas.inference.LogSettingsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getLogSettingsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service GRPCInferenceService.
   * <pre>
   * Health, metadata and inference (RPCs 1-7 are the community protocol), then
   * Triton's extensions: configuration, statistics, repository control, shared
   * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
   * </pre>
   */
  public static final class GRPCInferenceServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<GRPCInferenceServiceBlockingStub> {
    private GRPCInferenceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GRPCInferenceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GRPCInferenceServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public io.maas.inference.ServerLiveResponse serverLive(io.maas.inference.ServerLiveRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getServerLiveMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ServerReadyResponse serverReady(io.maas.inference.ServerReadyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getServerReadyMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelReadyResponse modelReady(io.maas.inference.ModelReadyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getModelReadyMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ServerMetadataResponse serverMetadata(io.maas.inference.ServerMetadataRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getServerMetadataMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelMetadataResponse modelMetadata(io.maas.inference.ModelMetadataRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getModelMetadataMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelInferResponse modelInfer(io.maas.inference.ModelInferRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getModelInferMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelConfigResponse modelConfig(io.maas.inference.ModelConfigRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getModelConfigMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.ModelStatisticsResponse modelStatistics(io.maas.inference.ModelStatisticsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getModelStatisticsMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.RepositoryIndexResponse repositoryIndex(io.maas.inference.RepositoryIndexRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRepositoryIndexMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.RepositoryModelLoadResponse repositoryModelLoad(io.maas.inference.RepositoryModelLoadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRepositoryModelLoadMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.RepositoryModelUnloadResponse repositoryModelUnload(io.maas.inference.RepositoryModelUnloadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRepositoryModelUnloadMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.SystemSharedMemoryStatusResponse systemSharedMemoryStatus(io.maas.inference.SystemSharedMemoryStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSystemSharedMemoryStatusMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.SystemSharedMemoryRegisterResponse systemSharedMemoryRegister(io.maas.inference.SystemSharedMemoryRegisterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSystemSharedMemoryRegisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.SystemSharedMemoryUnregisterResponse systemSharedMemoryUnregister(io.maas.inference.SystemSharedMemoryUnregisterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSystemSharedMemoryUnregisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.CudaSharedMemoryStatusResponse cudaSharedMemoryStatus(io.maas.inference.CudaSharedMemoryStatusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCudaSharedMemoryStatusMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.CudaSharedMemoryRegisterResponse cudaSharedMemoryRegister(io.maas.inference.CudaSharedMemoryRegisterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCudaSharedMemoryRegisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.CudaSharedMemoryUnregisterResponse cudaSharedMemoryUnregister(io.maas.inference.CudaSharedMemoryUnregisterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCudaSharedMemoryUnregisterMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.TraceSettingResponse traceSetting(io.maas.inference.TraceSettingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getTraceSettingMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.inference.LogSettingsResponse logSettings(io.maas.inference.LogSettingsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getLogSettingsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service GRPCInferenceService.
   * <pre>
   * Health, metadata and inference (RPCs 1-7 are the community protocol), then
   * Triton's extensions: configuration, statistics, repository control, shared
   * memory, trace and log settings. maas answers UNIMPLEMENTED for the last three groups.
   * </pre>
   */
  public static final class GRPCInferenceServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<GRPCInferenceServiceFutureStub> {
    private GRPCInferenceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GRPCInferenceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GRPCInferenceServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ServerLiveResponse> serverLive(
        io.maas.inference.ServerLiveRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getServerLiveMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ServerReadyResponse> serverReady(
        io.maas.inference.ServerReadyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getServerReadyMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ModelReadyResponse> modelReady(
        io.maas.inference.ModelReadyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getModelReadyMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ServerMetadataResponse> serverMetadata(
        io.maas.inference.ServerMetadataRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getServerMetadataMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ModelMetadataResponse> modelMetadata(
        io.maas.inference.ModelMetadataRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getModelMetadataMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ModelInferResponse> modelInfer(
        io.maas.inference.ModelInferRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getModelInferMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ModelConfigResponse> modelConfig(
        io.maas.inference.ModelConfigRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getModelConfigMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.ModelStatisticsResponse> modelStatistics(
        io.maas.inference.ModelStatisticsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getModelStatisticsMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.RepositoryIndexResponse> repositoryIndex(
        io.maas.inference.RepositoryIndexRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRepositoryIndexMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.RepositoryModelLoadResponse> repositoryModelLoad(
        io.maas.inference.RepositoryModelLoadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRepositoryModelLoadMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.RepositoryModelUnloadResponse> repositoryModelUnload(
        io.maas.inference.RepositoryModelUnloadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRepositoryModelUnloadMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.SystemSharedMemoryStatusResponse> systemSharedMemoryStatus(
        io.maas.inference.SystemSharedMemoryStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSystemSharedMemoryStatusMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.SystemSharedMemoryRegisterResponse> systemSharedMemoryRegister(
        io.maas.inference.SystemSharedMemoryRegisterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSystemSharedMemoryRegisterMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.SystemSharedMemoryUnregisterResponse> systemSharedMemoryUnregister(
        io.maas.inference.SystemSharedMemoryUnregisterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSystemSharedMemoryUnregisterMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.CudaSharedMemoryStatusResponse> cudaSharedMemoryStatus(
        io.maas.inference.CudaSharedMemoryStatusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCudaSharedMemoryStatusMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.CudaSharedMemoryRegisterResponse> cudaSharedMemoryRegister(
        io.maas.inference.CudaSharedMemoryRegisterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCudaSharedMemoryRegisterMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.CudaSharedMemoryUnregisterResponse> cudaSharedMemoryUnregister(
        io.maas.inference.CudaSharedMemoryUnregisterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCudaSharedMemoryUnregisterMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.TraceSettingResponse> traceSetting(
        io.maas.inference.TraceSettingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getTraceSettingMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.inference.LogSettingsResponse> logSettings(
        io.maas.inference.LogSettingsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getLogSettingsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_SERVER_LIVE = 0;
  private static final int METHODID_SERVER_READY = 1;
  private static final int METHODID_MODEL_READY = 2;
  private static final int METHODID_SERVER_METADATA = 3;
  private static final int METHODID_MODEL_METADATA = 4;
  private static final int METHODID_MODEL_INFER = 5;
  private static final int METHODID_MODEL_CONFIG = 6;
  private static final int METHODID_MODEL_STATISTICS = 7;
  private static final int METHODID_REPOSITORY_INDEX = 8;
  private static final int METHODID_REPOSITORY_MODEL_LOAD = 9;
  private static final int METHODID_REPOSITORY_MODEL_UNLOAD = 10;
  private static final int METHODID_SYSTEM_SHARED_MEMORY_STATUS = 11;
  private static final int METHODID_SYSTEM_SHARED_MEMORY_REGISTER = 12;
  private static final int METHODID_SYSTEM_SHARED_MEMORY_UNREGISTER = 13;
  private static final int METHODID_CUDA_SHARED_MEMORY_STATUS = 14;
  private static final int METHODID_CUDA_SHARED_MEMORY_REGISTER = 15;
  private static final int METHODID_CUDA_SHARED_MEMORY_UNREGISTER = 16;
  private static final int METHODID_TRACE_SETTING = 17;
  private static final int METHODID_LOG_SETTINGS = 18;
  private static final int METHODID_MODEL_STREAM_INFER = 19;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_SERVER_LIVE:
          serviceImpl.serverLive((io.maas.inference.ServerLiveRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ServerLiveResponse>) responseObserver);
          break;
        case METHODID_SERVER_READY:
          serviceImpl.serverReady((io.maas.inference.ServerReadyRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ServerReadyResponse>) responseObserver);
          break;
        case METHODID_MODEL_READY:
          serviceImpl.modelReady((io.maas.inference.ModelReadyRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ModelReadyResponse>) responseObserver);
          break;
        case METHODID_SERVER_METADATA:
          serviceImpl.serverMetadata((io.maas.inference.ServerMetadataRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ServerMetadataResponse>) responseObserver);
          break;
        case METHODID_MODEL_METADATA:
          serviceImpl.modelMetadata((io.maas.inference.ModelMetadataRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ModelMetadataResponse>) responseObserver);
          break;
        case METHODID_MODEL_INFER:
          serviceImpl.modelInfer((io.maas.inference.ModelInferRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ModelInferResponse>) responseObserver);
          break;
        case METHODID_MODEL_CONFIG:
          serviceImpl.modelConfig((io.maas.inference.ModelConfigRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ModelConfigResponse>) responseObserver);
          break;
        case METHODID_MODEL_STATISTICS:
          serviceImpl.modelStatistics((io.maas.inference.ModelStatisticsRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.ModelStatisticsResponse>) responseObserver);
          break;
        case METHODID_REPOSITORY_INDEX:
          serviceImpl.repositoryIndex((io.maas.inference.RepositoryIndexRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.RepositoryIndexResponse>) responseObserver);
          break;
        case METHODID_REPOSITORY_MODEL_LOAD:
          serviceImpl.repositoryModelLoad((io.maas.inference.RepositoryModelLoadRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.RepositoryModelLoadResponse>) responseObserver);
          break;
        case METHODID_REPOSITORY_MODEL_UNLOAD:
          serviceImpl.repositoryModelUnload((io.maas.inference.RepositoryModelUnloadRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.RepositoryModelUnloadResponse>) responseObserver);
          break;
        case METHODID_SYSTEM_SHARED_MEMORY_STATUS:
          serviceImpl.systemSharedMemoryStatus((io.maas.inference.SystemSharedMemoryStatusRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryStatusResponse>) responseObserver);
          break;
        case METHODID_SYSTEM_SHARED_MEMORY_REGISTER:
          serviceImpl.systemSharedMemoryRegister((io.maas.inference.SystemSharedMemoryRegisterRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryRegisterResponse>) responseObserver);
          break;
        case METHODID_SYSTEM_SHARED_MEMORY_UNREGISTER:
          serviceImpl.systemSharedMemoryUnregister((io.maas.inference.SystemSharedMemoryUnregisterRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.SystemSharedMemoryUnregisterResponse>) responseObserver);
          break;
        case METHODID_CUDA_SHARED_MEMORY_STATUS:
          serviceImpl.cudaSharedMemoryStatus((io.maas.inference.CudaSharedMemoryStatusRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryStatusResponse>) responseObserver);
          break;
        case METHODID_CUDA_SHARED_MEMORY_REGISTER:
          serviceImpl.cudaSharedMemoryRegister((io.maas.inference.CudaSharedMemoryRegisterRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryRegisterResponse>) responseObserver);
          break;
        case METHODID_CUDA_SHARED_MEMORY_UNREGISTER:
          serviceImpl.cudaSharedMemoryUnregister((io.maas.inference.CudaSharedMemoryUnregisterRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.CudaSharedMemoryUnregisterResponse>) responseObserver);
          break;
        case METHODID_TRACE_SETTING:
          serviceImpl.traceSetting((io.maas.inference.TraceSettingRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.TraceSettingResponse>) responseObserver);
          break;
        case METHODID_LOG_SETTINGS:
          serviceImpl.logSettings((io.maas.inference.LogSettingsRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.inference.LogSettingsResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_MODEL_STREAM_INFER:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.modelStreamInfer(
              (io.grpc.stub.StreamObserver<io.maas.inference.ModelStreamInferResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getServerLiveMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ServerLiveRequest,
              io.maas.inference.ServerLiveResponse>(
                service, METHODID_SERVER_LIVE)))
        .addMethod(
          getServerReadyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ServerReadyRequest,
              io.maas.inference.ServerReadyResponse>(
                service, METHODID_SERVER_READY)))
        .addMethod(
          getModelReadyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ModelReadyRequest,
              io.maas.inference.ModelReadyResponse>(
                service, METHODID_MODEL_READY)))
        .addMethod(
          getServerMetadataMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ServerMetadataRequest,
              io.maas.inference.ServerMetadataResponse>(
                service, METHODID_SERVER_METADATA)))
        .addMethod(
          getModelMetadataMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ModelMetadataRequest,
              io.maas.inference.ModelMetadataResponse>(
                service, METHODID_MODEL_METADATA)))
        .addMethod(
          getModelInferMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ModelInferRequest,
              io.maas.inference.ModelInferResponse>(
                service, METHODID_MODEL_INFER)))
        .addMethod(
          getModelStreamInferMethod(),
          io.grpc.stub.ServerCalls.asyncBidiStreamingCall(
            new MethodHandlers<
              io.maas.inference.ModelInferRequest,
              io.maas.inference.ModelStreamInferResponse>(
                service, METHODID_MODEL_STREAM_INFER)))
        .addMethod(
          getModelConfigMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ModelConfigRequest,
              io.maas.inference.ModelConfigResponse>(
                service, METHODID_MODEL_CONFIG)))
        .addMethod(
          getModelStatisticsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.ModelStatisticsRequest,
              io.maas.inference.ModelStatisticsResponse>(
                service, METHODID_MODEL_STATISTICS)))
        .addMethod(
          getRepositoryIndexMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.RepositoryIndexRequest,
              io.maas.inference.RepositoryIndexResponse>(
                service, METHODID_REPOSITORY_INDEX)))
        .addMethod(
          getRepositoryModelLoadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.RepositoryModelLoadRequest,
              io.maas.inference.RepositoryModelLoadResponse>(
                service, METHODID_REPOSITORY_MODEL_LOAD)))
        .addMethod(
          getRepositoryModelUnloadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.RepositoryModelUnloadRequest,
              io.maas.inference.RepositoryModelUnloadResponse>(
                service, METHODID_REPOSITORY_MODEL_UNLOAD)))
        .addMethod(
          getSystemSharedMemoryStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.SystemSharedMemoryStatusRequest,
              io.maas.inference.SystemSharedMemoryStatusResponse>(
                service, METHODID_SYSTEM_SHARED_MEMORY_STATUS)))
        .addMethod(
          getSystemSharedMemoryRegisterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.SystemSharedMemoryRegisterRequest,
              io.maas.inference.SystemSharedMemoryRegisterResponse>(
                service, METHODID_SYSTEM_SHARED_MEMORY_REGISTER)))
        .addMethod(
          getSystemSharedMemoryUnregisterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.SystemSharedMemoryUnregisterRequest,
              io.maas.inference.SystemSharedMemoryUnregisterResponse>(
                service, METHODID_SYSTEM_SHARED_MEMORY_UNREGISTER)))
        .addMethod(
          getCudaSharedMemoryStatusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.CudaSharedMemoryStatusRequest,
              io.maas.inference.CudaSharedMemoryStatusResponse>(
                service, METHODID_CUDA_SHARED_MEMORY_STATUS)))
        .addMethod(
          getCudaSharedMemoryRegisterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.CudaSharedMemoryRegisterRequest,
              io.maas.inference.CudaSharedMemoryRegisterResponse>(
                service, METHODID_CUDA_SHARED_MEMORY_REGISTER)))
        .addMethod(
          getCudaSharedMemoryUnregisterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.CudaSharedMemoryUnregisterRequest,
              io.maas.inference.CudaSharedMemoryUnregisterResponse>(
                service, METHODID_CUDA_SHARED_MEMORY_UNREGISTER)))
        .addMethod(
          getTraceSettingMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.TraceSettingRequest,
              io.maas.inference.TraceSettingResponse>(
                service, METHODID_TRACE_SETTING)))
        .addMethod(
          getLogSettingsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.inference.LogSettingsRequest,
              io.maas.inference.LogSettingsResponse>(
                service, METHODID_LOG_SETTINGS)))
        .build();
  }

  private static abstract class GRPCInferenceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    GRPCInferenceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return io.maas.inference.GrpcServiceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("GRPCInferenceService");
    }
  }

  private static final class GRPCInferenceServiceFileDescriptorSupplier
      extends GRPCInferenceServiceBaseDescriptorSupplier {
    GRPCInferenceServiceFileDescriptorSupplier() {}
  }

  private static final class GRPCInferenceServiceMethodDescriptorSupplier
      extends GRPCInferenceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    GRPCInferenceServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (GRPCInferenceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new GRPCInferenceServiceFileDescriptorSupplier())
              .addMethod(getServerLiveMethod())
              .addMethod(getServerReadyMethod())
              .addMethod(getModelReadyMethod())
              .addMethod(getServerMetadataMethod())
              .addMethod(getModelMetadataMethod())
              .addMethod(getModelInferMethod())
              .addMethod(getModelStreamInferMethod())
              .addMethod(getModelConfigMethod())
              .addMethod(getModelStatisticsMethod())
              .addMethod(getRepositoryIndexMethod())
              .addMethod(getRepositoryModelLoadMethod())
              .addMethod(getRepositoryModelUnloadMethod())
              .addMethod(getSystemSharedMemoryStatusMethod())
              .addMethod(getSystemSharedMemoryRegisterMethod())
              .addMethod(getSystemSharedMemoryUnregisterMethod())
              .addMethod(getCudaSharedMemoryStatusMethod())
              .addMethod(getCudaSharedMemoryRegisterMethod())
              .addMethod(getCudaSharedMemoryUnregisterMethod())
              .addMethod(getTraceSettingMethod())
              .addMethod(getLogSettingsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
