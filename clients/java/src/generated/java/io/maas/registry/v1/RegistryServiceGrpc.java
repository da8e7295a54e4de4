package io.maas.registry.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class RegistryServiceGrpc {

  private RegistryServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "maas.registry.v1.RegistryService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.CreateModelRequest,
      io.maas.registry.v1.CreateModelResponse> getCreateModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateModel",
      requestType = io.maas.registry.v1.CreateModelRequest.class,
      responseType = io.maas.registry.v1.CreateModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.CreateModelRequest,
      io.maas.registry.v1.CreateModelResponse> getCreateModelMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.CreateModelRequest, io.maas.registry.v1.CreateModelResponse> getCreateModelMethod;
    if ((getCreateModelMethod = RegistryServiceGrpc.getCreateModelMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getCreateModelMethod = RegistryServiceGrpc.getCreateModelMethod) == null) {
          RegistryServiceGrpc.getCreateModelMethod = getCreateModelMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.CreateModelRequest, io.maas.registry.v1.CreateModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.CreateModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.CreateModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("CreateModel"))
              .build();
        }
      }
    }
    return getCreateModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.GetModelRequest,
      io.maas.registry.v1.GetModelResponse> getGetModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetModel",
      requestType = io.maas.registry.v1.GetModelRequest.class,
      responseType = io.maas.registry.v1.GetModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.GetModelRequest,
      io.maas.registry.v1.GetModelResponse> getGetModelMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.GetModelRequest, io.maas.registry.v1.GetModelResponse> getGetModelMethod;
    if ((getGetModelMethod = RegistryServiceGrpc.getGetModelMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getGetModelMethod = RegistryServiceGrpc.getGetModelMethod) == null) {
          RegistryServiceGrpc.getGetModelMethod = getGetModelMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.GetModelRequest, io.maas.registry.v1.GetModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.GetModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.GetModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("GetModel"))
              .build();
        }
      }
    }
    return getGetModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.ListModelsRequest,
      io.maas.registry.v1.ListModelsResponse> getListModelsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListModels",
      requestType = io.maas.registry.v1.ListModelsRequest.class,
      responseType = io.maas.registry.v1.ListModelsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.ListModelsRequest,
      io.maas.registry.v1.ListModelsResponse> getListModelsMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.ListModelsRequest, io.maas.registry.v1.ListModelsResponse> getListModelsMethod;
    if ((getListModelsMethod = RegistryServiceGrpc.getListModelsMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getListModelsMethod = RegistryServiceGrpc.getListModelsMethod) == null) {
          RegistryServiceGrpc.getListModelsMethod = getListModelsMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.ListModelsRequest, io.maas.registry.v1.ListModelsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListModels"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.ListModelsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.ListModelsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("ListModels"))
              .build();
        }
      }
    }
    return getListModelsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.UpdateModelRequest,
      io.maas.registry.v1.UpdateModelResponse> getUpdateModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateModel",
      requestType = io.maas.registry.v1.UpdateModelRequest.class,
      responseType = io.maas.registry.v1.UpdateModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.UpdateModelRequest,
      io.maas.registry.v1.UpdateModelResponse> getUpdateModelMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.UpdateModelRequest, io.maas.registry.v1.UpdateModelResponse> getUpdateModelMethod;
    if ((getUpdateModelMethod = RegistryServiceGrpc.getUpdateModelMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getUpdateModelMethod = RegistryServiceGrpc.getUpdateModelMethod) == null) {
          RegistryServiceGrpc.getUpdateModelMethod = getUpdateModelMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.UpdateModelRequest, io.maas.registry.v1.UpdateModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.UpdateModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.UpdateModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("UpdateModel"))
              .build();
        }
      }
    }
    return getUpdateModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteModelRequest,
      io.maas.registry.v1.DeleteModelResponse> getDeleteModelMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteModel",
      requestType = io.maas.registry.v1.DeleteModelRequest.class,
      responseType = io.maas.registry.v1.DeleteModelResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteModelRequest,
      io.maas.registry.v1.DeleteModelResponse> getDeleteModelMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteModelRequest, io.maas.registry.v1.DeleteModelResponse> getDeleteModelMethod;
    if ((getDeleteModelMethod = RegistryServiceGrpc.getDeleteModelMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getDeleteModelMethod = RegistryServiceGrpc.getDeleteModelMethod) == null) {
          RegistryServiceGrpc.getDeleteModelMethod = getDeleteModelMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.DeleteModelRequest, io.maas.registry.v1.DeleteModelResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteModel"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeleteModelRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeleteModelResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("DeleteModel"))
              .build();
        }
      }
    }
    return getDeleteModelMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.UploadVersionRequest,
      io.maas.registry.v1.UploadVersionResponse> getUploadVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UploadVersion",
      requestType = io.maas.registry.v1.UploadVersionRequest.class,
      responseType = io.maas.registry.v1.UploadVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.UploadVersionRequest,
      io.maas.registry.v1.UploadVersionResponse> getUploadVersionMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.UploadVersionRequest, io.maas.registry.v1.UploadVersionResponse> getUploadVersionMethod;
    if ((getUploadVersionMethod = RegistryServiceGrpc.getUploadVersionMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getUploadVersionMethod = RegistryServiceGrpc.getUploadVersionMethod) == null) {
          RegistryServiceGrpc.getUploadVersionMethod = getUploadVersionMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.UploadVersionRequest, io.maas.registry.v1.UploadVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UploadVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.UploadVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.UploadVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("UploadVersion"))
              .build();
        }
      }
    }
    return getUploadVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.GetVersionRequest,
      io.maas.registry.v1.GetVersionResponse> getGetVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetVersion",
      requestType = io.maas.registry.v1.GetVersionRequest.class,
      responseType = io.maas.registry.v1.GetVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.GetVersionRequest,
      io.maas.registry.v1.GetVersionResponse> getGetVersionMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.GetVersionRequest, io.maas.registry.v1.GetVersionResponse> getGetVersionMethod;
    if ((getGetVersionMethod = RegistryServiceGrpc.getGetVersionMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getGetVersionMethod = RegistryServiceGrpc.getGetVersionMethod) == null) {
          RegistryServiceGrpc.getGetVersionMethod = getGetVersionMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.GetVersionRequest, io.maas.registry.v1.GetVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.GetVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.GetVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("GetVersion"))
              .build();
        }
      }
    }
    return getGetVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.ListVersionsRequest,
      io.maas.registry.v1.ListVersionsResponse> getListVersionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListVersions",
      requestType = io.maas.registry.v1.ListVersionsRequest.class,
      responseType = io.maas.registry.v1.ListVersionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.ListVersionsRequest,
      io.maas.registry.v1.ListVersionsResponse> getListVersionsMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.ListVersionsRequest, io.maas.registry.v1.ListVersionsResponse> getListVersionsMethod;
    if ((getListVersionsMethod = RegistryServiceGrpc.getListVersionsMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getListVersionsMethod = RegistryServiceGrpc.getListVersionsMethod) == null) {
          RegistryServiceGrpc.getListVersionsMethod = getListVersionsMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.ListVersionsRequest, io.maas.registry.v1.ListVersionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListVersions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.ListVersionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.ListVersionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("ListVersions"))
              .build();
        }
      }
    }
    return getListVersionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteVersionRequest,
      io.maas.registry.v1.DeleteVersionResponse> getDeleteVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteVersion",
      requestType = io.maas.registry.v1.DeleteVersionRequest.class,
      responseType = io.maas.registry.v1.DeleteVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteVersionRequest,
      io.maas.registry.v1.DeleteVersionResponse> getDeleteVersionMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteVersionRequest, io.maas.registry.v1.DeleteVersionResponse> getDeleteVersionMethod;
    if ((getDeleteVersionMethod = RegistryServiceGrpc.getDeleteVersionMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getDeleteVersionMethod = RegistryServiceGrpc.getDeleteVersionMethod) == null) {
          RegistryServiceGrpc.getDeleteVersionMethod = getDeleteVersionMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.DeleteVersionRequest, io.maas.registry.v1.DeleteVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeleteVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeleteVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("DeleteVersion"))
              .build();
        }
      }
    }
    return getDeleteVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.DownloadVersionRequest,
      io.maas.registry.v1.DownloadVersionResponse> getDownloadVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DownloadVersion",
      requestType = io.maas.registry.v1.DownloadVersionRequest.class,
      responseType = io.maas.registry.v1.DownloadVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.DownloadVersionRequest,
      io.maas.registry.v1.DownloadVersionResponse> getDownloadVersionMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.DownloadVersionRequest, io.maas.registry.v1.DownloadVersionResponse> getDownloadVersionMethod;
    if ((getDownloadVersionMethod = RegistryServiceGrpc.getDownloadVersionMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getDownloadVersionMethod = RegistryServiceGrpc.getDownloadVersionMethod) == null) {
          RegistryServiceGrpc.getDownloadVersionMethod = getDownloadVersionMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.DownloadVersionRequest, io.maas.registry.v1.DownloadVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DownloadVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DownloadVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DownloadVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("DownloadVersion"))
              .build();
        }
      }
    }
    return getDownloadVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.SetAliasRequest,
      io.maas.registry.v1.SetAliasResponse> getSetAliasMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SetAlias",
      requestType = io.maas.registry.v1.SetAliasRequest.class,
      responseType = io.maas.registry.v1.SetAliasResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.SetAliasRequest,
      io.maas.registry.v1.SetAliasResponse> getSetAliasMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.SetAliasRequest, io.maas.registry.v1.SetAliasResponse> getSetAliasMethod;
    if ((getSetAliasMethod = RegistryServiceGrpc.getSetAliasMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getSetAliasMethod = RegistryServiceGrpc.getSetAliasMethod) == null) {
          RegistryServiceGrpc.getSetAliasMethod = getSetAliasMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.SetAliasRequest, io.maas.registry.v1.SetAliasResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SetAlias"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.SetAliasRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.SetAliasResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("SetAlias"))
              .build();
        }
      }
    }
    return getSetAliasMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteAliasRequest,
      io.maas.registry.v1.DeleteAliasResponse> getDeleteAliasMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteAlias",
      requestType = io.maas.registry.v1.DeleteAliasRequest.class,
      responseType = io.maas.registry.v1.DeleteAliasResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteAliasRequest,
      io.maas.registry.v1.DeleteAliasResponse> getDeleteAliasMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.DeleteAliasRequest, io.maas.registry.v1.DeleteAliasResponse> getDeleteAliasMethod;
    if ((getDeleteAliasMethod = RegistryServiceGrpc.getDeleteAliasMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getDeleteAliasMethod = RegistryServiceGrpc.getDeleteAliasMethod) == null) {
          RegistryServiceGrpc.getDeleteAliasMethod = getDeleteAliasMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.DeleteAliasRequest, io.maas.registry.v1.DeleteAliasResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteAlias"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeleteAliasRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeleteAliasResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("DeleteAlias"))
              .build();
        }
      }
    }
    return getDeleteAliasMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.DeriveVersionRequest,
      io.maas.registry.v1.DeriveVersionResponse> getDeriveVersionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeriveVersion",
      requestType = io.maas.registry.v1.DeriveVersionRequest.class,
      responseType = io.maas.registry.v1.DeriveVersionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.DeriveVersionRequest,
      io.maas.registry.v1.DeriveVersionResponse> getDeriveVersionMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.DeriveVersionRequest, io.maas.registry.v1.DeriveVersionResponse> getDeriveVersionMethod;
    if ((getDeriveVersionMethod = RegistryServiceGrpc.getDeriveVersionMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getDeriveVersionMethod = RegistryServiceGrpc.getDeriveVersionMethod) == null) {
          RegistryServiceGrpc.getDeriveVersionMethod = getDeriveVersionMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.DeriveVersionRequest, io.maas.registry.v1.DeriveVersionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeriveVersion"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeriveVersionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.DeriveVersionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("DeriveVersion"))
              .build();
        }
      }
    }
    return getDeriveVersionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.GetJobRequest,
      io.maas.registry.v1.GetJobResponse> getGetJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetJob",
      requestType = io.maas.registry.v1.GetJobRequest.class,
      responseType = io.maas.registry.v1.GetJobResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.GetJobRequest,
      io.maas.registry.v1.GetJobResponse> getGetJobMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.GetJobRequest, io.maas.registry.v1.GetJobResponse> getGetJobMethod;
    if ((getGetJobMethod = RegistryServiceGrpc.getGetJobMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getGetJobMethod = RegistryServiceGrpc.getGetJobMethod) == null) {
          RegistryServiceGrpc.getGetJobMethod = getGetJobMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.GetJobRequest, io.maas.registry.v1.GetJobResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.GetJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.GetJobResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("GetJob"))
              .build();
        }
      }
    }
    return getGetJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.WatchJobRequest,
      io.maas.registry.v1.WatchJobResponse> getWatchJobMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchJob",
      requestType = io.maas.registry.v1.WatchJobRequest.class,
      responseType = io.maas.registry.v1.WatchJobResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.WatchJobRequest,
      io.maas.registry.v1.WatchJobResponse> getWatchJobMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.WatchJobRequest, io.maas.registry.v1.WatchJobResponse> getWatchJobMethod;
    if ((getWatchJobMethod = RegistryServiceGrpc.getWatchJobMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getWatchJobMethod = RegistryServiceGrpc.getWatchJobMethod) == null) {
          RegistryServiceGrpc.getWatchJobMethod = getWatchJobMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.WatchJobRequest, io.maas.registry.v1.WatchJobResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchJob"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.WatchJobRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.WatchJobResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("WatchJob"))
              .build();
        }
      }
    }
    return getWatchJobMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.registry.v1.WatchRequest,
      io.maas.registry.v1.WatchResponse> getWatchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Watch",
      requestType = io.maas.registry.v1.WatchRequest.class,
      responseType = io.maas.registry.v1.WatchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<io.maas.registry.v1.WatchRequest,
      io.maas.registry.v1.WatchResponse> getWatchMethod() {
    io.grpc.MethodDescriptor<io.maas.registry.v1.WatchRequest, io.maas.registry.v1.WatchResponse> getWatchMethod;
    if ((getWatchMethod = RegistryServiceGrpc.getWatchMethod) == null) {
      synchronized (RegistryServiceGrpc.class) {
        if ((getWatchMethod = RegistryServiceGrpc.getWatchMethod) == null) {
          RegistryServiceGrpc.getWatchMethod = getWatchMethod =
              io.grpc.MethodDescriptor.<io.maas.registry.v1.WatchRequest, io.maas.registry.v1.WatchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Watch"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.WatchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.registry.v1.WatchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RegistryServiceMethodDescriptorSupplier("Watch"))
              .build();
        }
      }
    }
    return getWatchMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RegistryServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegistryServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegistryServiceStub>() {
        @java.lang.Override
        public RegistryServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegistryServiceStub(channel, callOptions);
        }
      };
    return RegistryServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static RegistryServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegistryServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegistryServiceBlockingV2Stub>() {
        @java.lang.Override
        public RegistryServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegistryServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return RegistryServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RegistryServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegistryServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegistryServiceBlockingStub>() {
        @java.lang.Override
        public RegistryServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegistryServiceBlockingStub(channel, callOptions);
        }
      };
    return RegistryServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RegistryServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RegistryServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RegistryServiceFutureStub>() {
        @java.lang.Override
        public RegistryServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RegistryServiceFutureStub(channel, callOptions);
        }
      };
    return RegistryServiceFutureStub.newStub(factory, channel);
  }

  /**
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an empty model. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    default void createModel(io.maas.registry.v1.CreateModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.CreateModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateModelMethod(), responseObserver);
    }

    /**
     */
    default void getModel(io.maas.registry.v1.GetModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.GetModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Models ordered by name, paged, optionally filtered by labels.
     * </pre>
     */
    default void listModels(io.maas.registry.v1.ListModelsRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.ListModelsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListModelsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces the description and/or the labels.
     * </pre>
     */
    default void updateModel(io.maas.registry.v1.UpdateModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.UpdateModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a model and all its versions. FAILED_PRECONDITION while any alias points
     * into it, any version is deployed, or a derive job runs on it.
     * </pre>
     */
    default void deleteModel(io.maas.registry.v1.DeleteModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteModelResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteModelMethod(), responseObserver);
    }

    /**
     * <pre>
     * Uploads a new version. The first message is a header, then 1-4 MiB chunks. The
     * artifact is checked (size, sha256, format) before it becomes a version; a refused
     * upload leaves nothing behind. INVALID_ARGUMENT says why it was refused.
     * </pre>
     */
    default io.grpc.stub.StreamObserver<io.maas.registry.v1.UploadVersionRequest> uploadVersion(
        io.grpc.stub.StreamObserver<io.maas.registry.v1.UploadVersionResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getUploadVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Resolves a reference (number, alias or "latest") to a version.
     * </pre>
     */
    default void getVersion(io.maas.registry.v1.GetVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.GetVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Versions of a model in ascending order, paged.
     * </pre>
     */
    default void listVersions(io.maas.registry.v1.ListVersionsRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.ListVersionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListVersionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * FAILED_PRECONDITION while the version is aliased, deployed, or being derived from.
     * </pre>
     */
    default void deleteVersion(io.maas.registry.v1.DeleteVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams the artifact: one message with the version (its sha256 and size), then the
     * bytes from `offset` on in chunks.
     * </pre>
     */
    default void downloadVersion(io.maas.registry.v1.DownloadVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DownloadVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDownloadVersionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Points an alias at a version, creating or moving it in one step.
     * </pre>
     */
    default void setAlias(io.maas.registry.v1.SetAliasRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.SetAliasResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSetAliasMethod(), responseObserver);
    }

    /**
     */
    default void deleteAlias(io.maas.registry.v1.DeleteAliasRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteAliasResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteAliasMethod(), responseObserver);
    }

    /**
     * <pre>
     * Starts a background job deriving a new version from a parent.
     * </pre>
     */
    default void deriveVersion(io.maas.registry.v1.DeriveVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeriveVersionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeriveVersionMethod(), responseObserver);
    }

    /**
     */
    default void getJob(io.maas.registry.v1.GetJobRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.GetJobResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * The job now, then again on every change, ending once it has succeeded or failed.
     * </pre>
     */
    default void watchJob(io.maas.registry.v1.WatchJobRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.WatchJobResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchJobMethod(), responseObserver);
    }

    /**
     * <pre>
     * Catalog events in revision order, from a revision on, then live as they happen.
     * </pre>
     */
    default void watch(io.maas.registry.v1.WatchRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.WatchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RegistryService.
   */
  public static abstract class RegistryServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RegistryServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RegistryService.
   */
  public static final class RegistryServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RegistryServiceStub> {
    private RegistryServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegistryServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegistryServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an empty model. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public void createModel(io.maas.registry.v1.CreateModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.CreateModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getModel(io.maas.registry.v1.GetModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.GetModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Models ordered by name, paged, optionally filtered by labels.
     * </pre>
     */
    public void listModels(io.maas.registry.v1.ListModelsRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.ListModelsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListModelsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces the description and/or the labels.
     * </pre>
     */
    public void updateModel(io.maas.registry.v1.UpdateModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.UpdateModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a model and all its versions. FAILED_PRECONDITION while any alias points
     * into it, any version is deployed, or a derive job runs on it.
     * </pre>
     */
    public void deleteModel(io.maas.registry.v1.DeleteModelRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteModelResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteModelMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Uploads a new version. The first message is a header, then 1-4 MiB chunks. The
     * artifact is checked (size, sha256, format) before it becomes a version; a refused
     * upload leaves nothing behind. INVALID_ARGUMENT says why it was refused.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<io.maas.registry.v1.UploadVersionRequest> uploadVersion(
        io.grpc.stub.StreamObserver<io.maas.registry.v1.UploadVersionResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getUploadVersionMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Resolves a reference (number, alias or "latest") to a version.
     * </pre>
     */
    public void getVersion(io.maas.registry.v1.GetVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.GetVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Versions of a model in ascending order, paged.
     * </pre>
     */
    public void listVersions(io.maas.registry.v1.ListVersionsRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.ListVersionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListVersionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * FAILED_PRECONDITION while the version is aliased, deployed, or being derived from.
     * </pre>
     */
    public void deleteVersion(io.maas.registry.v1.DeleteVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams the artifact: one message with the version (its sha256 and size), then the
     * bytes from `offset` on in chunks.
     * </pre>
     */
    public void downloadVersion(io.maas.registry.v1.DownloadVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DownloadVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getDownloadVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Points an alias at a version, creating or moving it in one step.
     * </pre>
     */
    public void setAlias(io.maas.registry.v1.SetAliasRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.SetAliasResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSetAliasMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void deleteAlias(io.maas.registry.v1.DeleteAliasRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteAliasResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteAliasMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Starts a background job deriving a new version from a parent.
     * </pre>
     */
    public void deriveVersion(io.maas.registry.v1.DeriveVersionRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.DeriveVersionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeriveVersionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getJob(io.maas.registry.v1.GetJobRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.GetJobResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The job now, then again on every change, ending once it has succeeded or failed.
     * </pre>
     */
    public void watchJob(io.maas.registry.v1.WatchJobRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.WatchJobResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchJobMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Catalog events in revision order, from a revision on, then live as they happen.
     * </pre>
     */
    public void watch(io.maas.registry.v1.WatchRequest request,
        io.grpc.stub.StreamObserver<io.maas.registry.v1.WatchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RegistryService.
   */
  public static final class RegistryServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<RegistryServiceBlockingV2Stub> {
    private RegistryServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegistryServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegistryServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an empty model. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public io.maas.registry.v1.CreateModelResponse createModel(io.maas.registry.v1.CreateModelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateModelMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.registry.v1.GetModelResponse getModel(io.maas.registry.v1.GetModelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Models ordered by name, paged, optionally filtered by labels.
     * </pre>
     */
    public io.maas.registry.v1.ListModelsResponse listModels(io.maas.registry.v1.ListModelsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListModelsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the description and/or the labels.
     * </pre>
     */
    public io.maas.registry.v1.UpdateModelResponse updateModel(io.maas.registry.v1.UpdateModelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a model and all its versions. FAILED_PRECONDITION while any alias points
     * into it, any version is deployed, or a derive job runs on it.
     * </pre>
     */
    public io.maas.registry.v1.DeleteModelResponse deleteModel(io.maas.registry.v1.DeleteModelRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Uploads a new version. The first message is a header, then 1-4 MiB chunks. The
     * artifact is checked (size, sha256, format) before it becomes a version; a refused
     * upload leaves nothing behind. INVALID_ARGUMENT says why it was refused.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<io.maas.registry.v1.UploadVersionRequest, io.maas.registry.v1.UploadVersionResponse>
        uploadVersion() {
      return io.grpc.stub.ClientCalls.blockingClientStreamingCall(
          getChannel(), getUploadVersionMethod(), getCallOptions());
    }

    /**
     * <pre>
     * Resolves a reference (number, alias or "latest") to a version.
     * </pre>
     */
    public io.maas.registry.v1.GetVersionResponse getVersion(io.maas.registry.v1.GetVersionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Versions of a model in ascending order, paged.
     * </pre>
     */
    public io.maas.registry.v1.ListVersionsResponse listVersions(io.maas.registry.v1.ListVersionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListVersionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * FAILED_PRECONDITION while the version is aliased, deployed, or being derived from.
     * </pre>
     */
    public io.maas.registry.v1.DeleteVersionResponse deleteVersion(io.maas.registry.v1.DeleteVersionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the artifact: one message with the version (its sha256 and size), then the
     * bytes from `offset` on in chunks.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, io.maas.registry.v1.DownloadVersionResponse>
        downloadVersion(io.maas.registry.v1.DownloadVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getDownloadVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Points an alias at a version, creating or moving it in one step.
     * </pre>
     */
    public io.maas.registry.v1.SetAliasResponse setAlias(io.maas.registry.v1.SetAliasRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSetAliasMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.registry.v1.DeleteAliasResponse deleteAlias(io.maas.registry.v1.DeleteAliasRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteAliasMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a background job deriving a new version from a parent.
     * </pre>
     */
    public io.maas.registry.v1.DeriveVersionResponse deriveVersion(io.maas.registry.v1.DeriveVersionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeriveVersionMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.registry.v1.GetJobResponse getJob(io.maas.registry.v1.GetJobRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The job now, then again on every change, ending once it has succeeded or failed.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, io.maas.registry.v1.WatchJobResponse>
        watchJob(io.maas.registry.v1.WatchJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Catalog events in revision order, from a revision on, then live as they happen.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, io.maas.registry.v1.WatchResponse>
        watch(io.maas.registry.v1.WatchRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service RegistryService.
   */
  public static final class RegistryServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RegistryServiceBlockingStub> {
    private RegistryServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegistryServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegistryServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an empty model. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public io.maas.registry.v1.CreateModelResponse createModel(io.maas.registry.v1.CreateModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateModelMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.registry.v1.GetModelResponse getModel(io.maas.registry.v1.GetModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Models ordered by name, paged, optionally filtered by labels.
     * </pre>
     */
    public io.maas.registry.v1.ListModelsResponse listModels(io.maas.registry.v1.ListModelsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListModelsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the description and/or the labels.
     * </pre>
     */
    public io.maas.registry.v1.UpdateModelResponse updateModel(io.maas.registry.v1.UpdateModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a model and all its versions. FAILED_PRECONDITION while any alias points
     * into it, any version is deployed, or a derive job runs on it.
     * </pre>
     */
    public io.maas.registry.v1.DeleteModelResponse deleteModel(io.maas.registry.v1.DeleteModelRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteModelMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resolves a reference (number, alias or "latest") to a version.
     * </pre>
     */
    public io.maas.registry.v1.GetVersionResponse getVersion(io.maas.registry.v1.GetVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Versions of a model in ascending order, paged.
     * </pre>
     */
    public io.maas.registry.v1.ListVersionsResponse listVersions(io.maas.registry.v1.ListVersionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListVersionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * FAILED_PRECONDITION while the version is aliased, deployed, or being derived from.
     * </pre>
     */
    public io.maas.registry.v1.DeleteVersionResponse deleteVersion(io.maas.registry.v1.DeleteVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams the artifact: one message with the version (its sha256 and size), then the
     * bytes from `offset` on in chunks.
     * </pre>
     */
    public java.util.Iterator<io.maas.registry.v1.DownloadVersionResponse> downloadVersion(
        io.maas.registry.v1.DownloadVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getDownloadVersionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Points an alias at a version, creating or moving it in one step.
     * </pre>
     */
    public io.maas.registry.v1.SetAliasResponse setAlias(io.maas.registry.v1.SetAliasRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSetAliasMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.registry.v1.DeleteAliasResponse deleteAlias(io.maas.registry.v1.DeleteAliasRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteAliasMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Starts a background job deriving a new version from a parent.
     * </pre>
     */
    public io.maas.registry.v1.DeriveVersionResponse deriveVersion(io.maas.registry.v1.DeriveVersionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeriveVersionMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.registry.v1.GetJobResponse getJob(io.maas.registry.v1.GetJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The job now, then again on every change, ending once it has succeeded or failed.
     * </pre>
     */
    public java.util.Iterator<io.maas.registry.v1.WatchJobResponse> watchJob(
        io.maas.registry.v1.WatchJobRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchJobMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Catalog events in revision order, from a revision on, then live as they happen.
     * </pre>
     */
    public java.util.Iterator<io.maas.registry.v1.WatchResponse> watch(
        io.maas.registry.v1.WatchRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RegistryService.
   */
  public static final class RegistryServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RegistryServiceFutureStub> {
    private RegistryServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RegistryServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RegistryServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an empty model. ALREADY_EXISTS when the name is taken.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.CreateModelResponse> createModel(
        io.maas.registry.v1.CreateModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateModelMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.GetModelResponse> getModel(
        io.maas.registry.v1.GetModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Models ordered by name, paged, optionally filtered by labels.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.ListModelsResponse> listModels(
        io.maas.registry.v1.ListModelsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListModelsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces the description and/or the labels.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.UpdateModelResponse> updateModel(
        io.maas.registry.v1.UpdateModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a model and all its versions. FAILED_PRECONDITION while any alias points
     * into it, any version is deployed, or a derive job runs on it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.DeleteModelResponse> deleteModel(
        io.maas.registry.v1.DeleteModelRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteModelMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Resolves a reference (number, alias or "latest") to a version.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.GetVersionResponse> getVersion(
        io.maas.registry.v1.GetVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Versions of a model in ascending order, paged.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.ListVersionsResponse> listVersions(
        io.maas.registry.v1.ListVersionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListVersionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * FAILED_PRECONDITION while the version is aliased, deployed, or being derived from.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.DeleteVersionResponse> deleteVersion(
        io.maas.registry.v1.DeleteVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteVersionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Points an alias at a version, creating or moving it in one step.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.SetAliasResponse> setAlias(
        io.maas.registry.v1.SetAliasRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSetAliasMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.DeleteAliasResponse> deleteAlias(
        io.maas.registry.v1.DeleteAliasRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteAliasMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Starts a background job deriving a new version from a parent.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.DeriveVersionResponse> deriveVersion(
        io.maas.registry.v1.DeriveVersionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeriveVersionMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.registry.v1.GetJobResponse> getJob(
        io.maas.registry.v1.GetJobRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetJobMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_MODEL = 0;
  private static final int METHODID_GET_MODEL = 1;
  private static final int METHODID_LIST_MODELS = 2;
  private static final int METHODID_UPDATE_MODEL = 3;
  private static final int METHODID_DELETE_MODEL = 4;
  private static final int METHODID_GET_VERSION = 5;
  private static final int METHODID_LIST_VERSIONS = 6;
  private static final int METHODID_DELETE_VERSION = 7;
  private static final int METHODID_DOWNLOAD_VERSION = 8;
  private static final int METHODID_SET_ALIAS = 9;
  private static final int METHODID_DELETE_ALIAS = 10;
  private static final int METHODID_DERIVE_VERSION = 11;
  private static final int METHODID_GET_JOB = 12;
  private static final int METHODID_WATCH_JOB = 13;
  private static final int METHODID_WATCH = 14;
  private static final int METHODID_UPLOAD_VERSION = 15;

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
        case METHODID_CREATE_MODEL:
          serviceImpl.createModel((io.maas.registry.v1.CreateModelRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.CreateModelResponse>) responseObserver);
          break;
        case METHODID_GET_MODEL:
          serviceImpl.getModel((io.maas.registry.v1.GetModelRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.GetModelResponse>) responseObserver);
          break;
        case METHODID_LIST_MODELS:
          serviceImpl.listModels((io.maas.registry.v1.ListModelsRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.ListModelsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_MODEL:
          serviceImpl.updateModel((io.maas.registry.v1.UpdateModelRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.UpdateModelResponse>) responseObserver);
          break;
        case METHODID_DELETE_MODEL:
          serviceImpl.deleteModel((io.maas.registry.v1.DeleteModelRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteModelResponse>) responseObserver);
          break;
        case METHODID_GET_VERSION:
          serviceImpl.getVersion((io.maas.registry.v1.GetVersionRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.GetVersionResponse>) responseObserver);
          break;
        case METHODID_LIST_VERSIONS:
          serviceImpl.listVersions((io.maas.registry.v1.ListVersionsRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.ListVersionsResponse>) responseObserver);
          break;
        case METHODID_DELETE_VERSION:
          serviceImpl.deleteVersion((io.maas.registry.v1.DeleteVersionRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteVersionResponse>) responseObserver);
          break;
        case METHODID_DOWNLOAD_VERSION:
          serviceImpl.downloadVersion((io.maas.registry.v1.DownloadVersionRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.DownloadVersionResponse>) responseObserver);
          break;
        case METHODID_SET_ALIAS:
          serviceImpl.setAlias((io.maas.registry.v1.SetAliasRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.SetAliasResponse>) responseObserver);
          break;
        case METHODID_DELETE_ALIAS:
          serviceImpl.deleteAlias((io.maas.registry.v1.DeleteAliasRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.DeleteAliasResponse>) responseObserver);
          break;
        case METHODID_DERIVE_VERSION:
          serviceImpl.deriveVersion((io.maas.registry.v1.DeriveVersionRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.DeriveVersionResponse>) responseObserver);
          break;
        case METHODID_GET_JOB:
          serviceImpl.getJob((io.maas.registry.v1.GetJobRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.GetJobResponse>) responseObserver);
          break;
        case METHODID_WATCH_JOB:
          serviceImpl.watchJob((io.maas.registry.v1.WatchJobRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.WatchJobResponse>) responseObserver);
          break;
        case METHODID_WATCH:
          serviceImpl.watch((io.maas.registry.v1.WatchRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.WatchResponse>) responseObserver);
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
        case METHODID_UPLOAD_VERSION:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.uploadVersion(
              (io.grpc.stub.StreamObserver<io.maas.registry.v1.UploadVersionResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.CreateModelRequest,
              io.maas.registry.v1.CreateModelResponse>(
                service, METHODID_CREATE_MODEL)))
        .addMethod(
          getGetModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.GetModelRequest,
              io.maas.registry.v1.GetModelResponse>(
                service, METHODID_GET_MODEL)))
        .addMethod(
          getListModelsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.ListModelsRequest,
              io.maas.registry.v1.ListModelsResponse>(
                service, METHODID_LIST_MODELS)))
        .addMethod(
          getUpdateModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.UpdateModelRequest,
              io.maas.registry.v1.UpdateModelResponse>(
                service, METHODID_UPDATE_MODEL)))
        .addMethod(
          getDeleteModelMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.DeleteModelRequest,
              io.maas.registry.v1.DeleteModelResponse>(
                service, METHODID_DELETE_MODEL)))
        .addMethod(
          getUploadVersionMethod(),
          io.grpc.stub.ServerCalls.asyncClientStreamingCall(
            new MethodHandlers<
              io.maas.registry.v1.UploadVersionRequest,
              io.maas.registry.v1.UploadVersionResponse>(
                service, METHODID_UPLOAD_VERSION)))
        .addMethod(
          getGetVersionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.GetVersionRequest,
              io.maas.registry.v1.GetVersionResponse>(
                service, METHODID_GET_VERSION)))
        .addMethod(
          getListVersionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.ListVersionsRequest,
              io.maas.registry.v1.ListVersionsResponse>(
                service, METHODID_LIST_VERSIONS)))
        .addMethod(
          getDeleteVersionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.DeleteVersionRequest,
              io.maas.registry.v1.DeleteVersionResponse>(
                service, METHODID_DELETE_VERSION)))
        .addMethod(
          getDownloadVersionMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              io.maas.registry.v1.DownloadVersionRequest,
              io.maas.registry.v1.DownloadVersionResponse>(
                service, METHODID_DOWNLOAD_VERSION)))
        .addMethod(
          getSetAliasMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.SetAliasRequest,
              io.maas.registry.v1.SetAliasResponse>(
                service, METHODID_SET_ALIAS)))
        .addMethod(
          getDeleteAliasMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.DeleteAliasRequest,
              io.maas.registry.v1.DeleteAliasResponse>(
                service, METHODID_DELETE_ALIAS)))
        .addMethod(
          getDeriveVersionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.DeriveVersionRequest,
              io.maas.registry.v1.DeriveVersionResponse>(
                service, METHODID_DERIVE_VERSION)))
        .addMethod(
          getGetJobMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.registry.v1.GetJobRequest,
              io.maas.registry.v1.GetJobResponse>(
                service, METHODID_GET_JOB)))
        .addMethod(
          getWatchJobMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              io.maas.registry.v1.WatchJobRequest,
              io.maas.registry.v1.WatchJobResponse>(
                service, METHODID_WATCH_JOB)))
        .addMethod(
          getWatchMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              io.maas.registry.v1.WatchRequest,
              io.maas.registry.v1.WatchResponse>(
                service, METHODID_WATCH)))
        .build();
  }

  private static abstract class RegistryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RegistryServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return io.maas.registry.v1.RegistryProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RegistryService");
    }
  }

  private static final class RegistryServiceFileDescriptorSupplier
      extends RegistryServiceBaseDescriptorSupplier {
    RegistryServiceFileDescriptorSupplier() {}
  }

  private static final class RegistryServiceMethodDescriptorSupplier
      extends RegistryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RegistryServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (RegistryServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RegistryServiceFileDescriptorSupplier())
              .addMethod(getCreateModelMethod())
              .addMethod(getGetModelMethod())
              .addMethod(getListModelsMethod())
              .addMethod(getUpdateModelMethod())
              .addMethod(getDeleteModelMethod())
              .addMethod(getUploadVersionMethod())
              .addMethod(getGetVersionMethod())
              .addMethod(getListVersionsMethod())
              .addMethod(getDeleteVersionMethod())
              .addMethod(getDownloadVersionMethod())
              .addMethod(getSetAliasMethod())
              .addMethod(getDeleteAliasMethod())
              .addMethod(getDeriveVersionMethod())
              .addMethod(getGetJobMethod())
              .addMethod(getWatchJobMethod())
              .addMethod(getWatchMethod())
              .build();
        }
      }
    }
    return result;
  }
}
