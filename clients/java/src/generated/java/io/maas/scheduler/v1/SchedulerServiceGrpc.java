package io.maas.scheduler.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class SchedulerServiceGrpc {

  private SchedulerServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "maas.scheduler.v1.SchedulerService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.CreateDeploymentRequest,
      io.maas.scheduler.v1.CreateDeploymentResponse> getCreateDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateDeployment",
      requestType = io.maas.scheduler.v1.CreateDeploymentRequest.class,
      responseType = io.maas.scheduler.v1.CreateDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.CreateDeploymentRequest,
      io.maas.scheduler.v1.CreateDeploymentResponse> getCreateDeploymentMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.CreateDeploymentRequest, io.maas.scheduler.v1.CreateDeploymentResponse> getCreateDeploymentMethod;
    if ((getCreateDeploymentMethod = SchedulerServiceGrpc.getCreateDeploymentMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getCreateDeploymentMethod = SchedulerServiceGrpc.getCreateDeploymentMethod) == null) {
          SchedulerServiceGrpc.getCreateDeploymentMethod = getCreateDeploymentMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.CreateDeploymentRequest, io.maas.scheduler.v1.CreateDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.CreateDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.CreateDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("CreateDeployment"))
              .build();
        }
      }
    }
    return getCreateDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.UpdateDeploymentRequest,
      io.maas.scheduler.v1.UpdateDeploymentResponse> getUpdateDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateDeployment",
      requestType = io.maas.scheduler.v1.UpdateDeploymentRequest.class,
      responseType = io.maas.scheduler.v1.UpdateDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.UpdateDeploymentRequest,
      io.maas.scheduler.v1.UpdateDeploymentResponse> getUpdateDeploymentMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.UpdateDeploymentRequest, io.maas.scheduler.v1.UpdateDeploymentResponse> getUpdateDeploymentMethod;
    if ((getUpdateDeploymentMethod = SchedulerServiceGrpc.getUpdateDeploymentMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getUpdateDeploymentMethod = SchedulerServiceGrpc.getUpdateDeploymentMethod) == null) {
          SchedulerServiceGrpc.getUpdateDeploymentMethod = getUpdateDeploymentMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.UpdateDeploymentRequest, io.maas.scheduler.v1.UpdateDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.UpdateDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.UpdateDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("UpdateDeployment"))
              .build();
        }
      }
    }
    return getUpdateDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.DeleteDeploymentRequest,
      io.maas.scheduler.v1.DeleteDeploymentResponse> getDeleteDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteDeployment",
      requestType = io.maas.scheduler.v1.DeleteDeploymentRequest.class,
      responseType = io.maas.scheduler.v1.DeleteDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.DeleteDeploymentRequest,
      io.maas.scheduler.v1.DeleteDeploymentResponse> getDeleteDeploymentMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.DeleteDeploymentRequest, io.maas.scheduler.v1.DeleteDeploymentResponse> getDeleteDeploymentMethod;
    if ((getDeleteDeploymentMethod = SchedulerServiceGrpc.getDeleteDeploymentMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getDeleteDeploymentMethod = SchedulerServiceGrpc.getDeleteDeploymentMethod) == null) {
          SchedulerServiceGrpc.getDeleteDeploymentMethod = getDeleteDeploymentMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.DeleteDeploymentRequest, io.maas.scheduler.v1.DeleteDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.DeleteDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.DeleteDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("DeleteDeployment"))
              .build();
        }
      }
    }
    return getDeleteDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.GetDeploymentRequest,
      io.maas.scheduler.v1.GetDeploymentResponse> getGetDeploymentMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetDeployment",
      requestType = io.maas.scheduler.v1.GetDeploymentRequest.class,
      responseType = io.maas.scheduler.v1.GetDeploymentResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.GetDeploymentRequest,
      io.maas.scheduler.v1.GetDeploymentResponse> getGetDeploymentMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.GetDeploymentRequest, io.maas.scheduler.v1.GetDeploymentResponse> getGetDeploymentMethod;
    if ((getGetDeploymentMethod = SchedulerServiceGrpc.getGetDeploymentMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getGetDeploymentMethod = SchedulerServiceGrpc.getGetDeploymentMethod) == null) {
          SchedulerServiceGrpc.getGetDeploymentMethod = getGetDeploymentMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.GetDeploymentRequest, io.maas.scheduler.v1.GetDeploymentResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetDeployment"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.GetDeploymentRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.GetDeploymentResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("GetDeployment"))
              .build();
        }
      }
    }
    return getGetDeploymentMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.ListDeploymentsRequest,
      io.maas.scheduler.v1.ListDeploymentsResponse> getListDeploymentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDeployments",
      requestType = io.maas.scheduler.v1.ListDeploymentsRequest.class,
      responseType = io.maas.scheduler.v1.ListDeploymentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.ListDeploymentsRequest,
      io.maas.scheduler.v1.ListDeploymentsResponse> getListDeploymentsMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.ListDeploymentsRequest, io.maas.scheduler.v1.ListDeploymentsResponse> getListDeploymentsMethod;
    if ((getListDeploymentsMethod = SchedulerServiceGrpc.getListDeploymentsMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getListDeploymentsMethod = SchedulerServiceGrpc.getListDeploymentsMethod) == null) {
          SchedulerServiceGrpc.getListDeploymentsMethod = getListDeploymentsMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.ListDeploymentsRequest, io.maas.scheduler.v1.ListDeploymentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDeployments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.ListDeploymentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.ListDeploymentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("ListDeployments"))
              .build();
        }
      }
    }
    return getListDeploymentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.ListWorkersRequest,
      io.maas.scheduler.v1.ListWorkersResponse> getListWorkersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWorkers",
      requestType = io.maas.scheduler.v1.ListWorkersRequest.class,
      responseType = io.maas.scheduler.v1.ListWorkersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.ListWorkersRequest,
      io.maas.scheduler.v1.ListWorkersResponse> getListWorkersMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.ListWorkersRequest, io.maas.scheduler.v1.ListWorkersResponse> getListWorkersMethod;
    if ((getListWorkersMethod = SchedulerServiceGrpc.getListWorkersMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getListWorkersMethod = SchedulerServiceGrpc.getListWorkersMethod) == null) {
          SchedulerServiceGrpc.getListWorkersMethod = getListWorkersMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.ListWorkersRequest, io.maas.scheduler.v1.ListWorkersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWorkers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.ListWorkersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.ListWorkersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("ListWorkers"))
              .build();
        }
      }
    }
    return getListWorkersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.GetRoutesRequest,
      io.maas.scheduler.v1.GetRoutesResponse> getGetRoutesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetRoutes",
      requestType = io.maas.scheduler.v1.GetRoutesRequest.class,
      responseType = io.maas.scheduler.v1.GetRoutesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.GetRoutesRequest,
      io.maas.scheduler.v1.GetRoutesResponse> getGetRoutesMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.GetRoutesRequest, io.maas.scheduler.v1.GetRoutesResponse> getGetRoutesMethod;
    if ((getGetRoutesMethod = SchedulerServiceGrpc.getGetRoutesMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getGetRoutesMethod = SchedulerServiceGrpc.getGetRoutesMethod) == null) {
          SchedulerServiceGrpc.getGetRoutesMethod = getGetRoutesMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.GetRoutesRequest, io.maas.scheduler.v1.GetRoutesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetRoutes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.GetRoutesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.GetRoutesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("GetRoutes"))
              .build();
        }
      }
    }
    return getGetRoutesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<io.maas.scheduler.v1.WatchRoutesRequest,
      io.maas.scheduler.v1.WatchRoutesResponse> getWatchRoutesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WatchRoutes",
      requestType = io.maas.scheduler.v1.WatchRoutesRequest.class,
      responseType = io.maas.scheduler.v1.WatchRoutesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<io.maas.scheduler.v1.WatchRoutesRequest,
      io.maas.scheduler.v1.WatchRoutesResponse> getWatchRoutesMethod() {
    io.grpc.MethodDescriptor<io.maas.scheduler.v1.WatchRoutesRequest, io.maas.scheduler.v1.WatchRoutesResponse> getWatchRoutesMethod;
    if ((getWatchRoutesMethod = SchedulerServiceGrpc.getWatchRoutesMethod) == null) {
      synchronized (SchedulerServiceGrpc.class) {
        if ((getWatchRoutesMethod = SchedulerServiceGrpc.getWatchRoutesMethod) == null) {
          SchedulerServiceGrpc.getWatchRoutesMethod = getWatchRoutesMethod =
              io.grpc.MethodDescriptor.<io.maas.scheduler.v1.WatchRoutesRequest, io.maas.scheduler.v1.WatchRoutesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WatchRoutes"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.WatchRoutesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  io.maas.scheduler.v1.WatchRoutesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SchedulerServiceMethodDescriptorSupplier("WatchRoutes"))
              .build();
        }
      }
    }
    return getWatchRoutesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SchedulerServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceStub>() {
        @java.lang.Override
        public SchedulerServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SchedulerServiceStub(channel, callOptions);
        }
      };
    return SchedulerServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static SchedulerServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceBlockingV2Stub>() {
        @java.lang.Override
        public SchedulerServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SchedulerServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return SchedulerServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SchedulerServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceBlockingStub>() {
        @java.lang.Override
        public SchedulerServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SchedulerServiceBlockingStub(channel, callOptions);
        }
      };
    return SchedulerServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SchedulerServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SchedulerServiceFutureStub>() {
        @java.lang.Override
        public SchedulerServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SchedulerServiceFutureStub(channel, callOptions);
        }
      };
    return SchedulerServiceFutureStub.newStub(factory, channel);
  }

  /**
   */
  public interface AsyncService {

    /**
     * <pre>
     * Records a new deployment; placing and loading its replicas follows in the
     * background (watch its status). ALREADY_EXISTS when the name is taken,
     * INVALID_ARGUMENT for a malformed spec.
     * </pre>
     */
    default void createDeployment(io.maas.scheduler.v1.CreateDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.CreateDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces a deployment's spec. A new version, or a move of the alias it follows,
     * rolls out without failed requests: the new version loads beside the old one,
     * traffic shifts once it is ready, then the old one drains and unloads.
     * </pre>
     */
    default void updateDeployment(io.maas.scheduler.v1.UpdateDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.UpdateDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Stops routing to the deployment, then drains and unloads its replicas.
     * </pre>
     */
    default void deleteDeployment(io.maas.scheduler.v1.DeleteDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.DeleteDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteDeploymentMethod(), responseObserver);
    }

    /**
     */
    default void getDeployment(io.maas.scheduler.v1.GetDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.GetDeploymentResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetDeploymentMethod(), responseObserver);
    }

    /**
     * <pre>
     * Every deployment, ordered by name.
     * </pre>
     */
    default void listDeployments(io.maas.scheduler.v1.ListDeploymentsRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.ListDeploymentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDeploymentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Every healthy worker with its capacity, load and replicas, ordered by id.
     * </pre>
     */
    default void listWorkers(io.maas.scheduler.v1.ListWorkersRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.ListWorkersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWorkersMethod(), responseObserver);
    }

    /**
     * <pre>
     * The routing table: which worker serves which deployment, ready replicas only.
     * </pre>
     */
    default void getRoutes(io.maas.scheduler.v1.GetRoutesRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.GetRoutesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetRoutesMethod(), responseObserver);
    }

    /**
     * <pre>
     * The routing table now, then again whenever it changes.
     * </pre>
     */
    default void watchRoutes(io.maas.scheduler.v1.WatchRoutesRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.WatchRoutesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWatchRoutesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service SchedulerService.
   */
  public static abstract class SchedulerServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return SchedulerServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service SchedulerService.
   */
  public static final class SchedulerServiceStub
      extends io.grpc.stub.AbstractAsyncStub<SchedulerServiceStub> {
    private SchedulerServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SchedulerServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SchedulerServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a new deployment; placing and loading its replicas follows in the
     * background (watch its status). ALREADY_EXISTS when the name is taken,
     * INVALID_ARGUMENT for a malformed spec.
     * </pre>
     */
    public void createDeployment(io.maas.scheduler.v1.CreateDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.CreateDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces a deployment's spec. A new version, or a move of the alias it follows,
     * rolls out without failed requests: the new version loads beside the old one,
     * traffic shifts once it is ready, then the old one drains and unloads.
     * </pre>
     */
    public void updateDeployment(io.maas.scheduler.v1.UpdateDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.UpdateDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Stops routing to the deployment, then drains and unloads its replicas.
     * </pre>
     */
    public void deleteDeployment(io.maas.scheduler.v1.DeleteDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.DeleteDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getDeployment(io.maas.scheduler.v1.GetDeploymentRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.GetDeploymentResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetDeploymentMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Every deployment, ordered by name.
     * </pre>
     */
    public void listDeployments(io.maas.scheduler.v1.ListDeploymentsRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.ListDeploymentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDeploymentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Every healthy worker with its capacity, load and replicas, ordered by id.
     * </pre>
     */
    public void listWorkers(io.maas.scheduler.v1.ListWorkersRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.ListWorkersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWorkersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The routing table: which worker serves which deployment, ready replicas only.
     * </pre>
     */
    public void getRoutes(io.maas.scheduler.v1.GetRoutesRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.GetRoutesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetRoutesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The routing table now, then again whenever it changes.
     * </pre>
     */
    public void watchRoutes(io.maas.scheduler.v1.WatchRoutesRequest request,
        io.grpc.stub.StreamObserver<io.maas.scheduler.v1.WatchRoutesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getWatchRoutesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service SchedulerService.
   */
  public static final class SchedulerServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<SchedulerServiceBlockingV2Stub> {
    private SchedulerServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SchedulerServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SchedulerServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a new deployment; placing and loading its replicas follows in the
     * background (watch its status). ALREADY_EXISTS when the name is taken,
     * INVALID_ARGUMENT for a malformed spec.
     * </pre>
     */
    public io.maas.scheduler.v1.CreateDeploymentResponse createDeployment(io.maas.scheduler.v1.CreateDeploymentRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces a deployment's spec. A new version, or a move of the alias it follows,
     * rolls out without failed requests: the new version loads beside the old one,
     * traffic shifts once it is ready, then the old one drains and unloads.
     * </pre>
     */
    public io.maas.scheduler.v1.UpdateDeploymentResponse updateDeployment(io.maas.scheduler.v1.UpdateDeploymentRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stops routing to the deployment, then drains and unloads its replicas.
     * </pre>
     */
    public io.maas.scheduler.v1.DeleteDeploymentResponse deleteDeployment(io.maas.scheduler.v1.DeleteDeploymentRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteDeploymentMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.scheduler.v1.GetDeploymentResponse getDeployment(io.maas.scheduler.v1.GetDeploymentRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every deployment, ordered by name.
     * </pre>
     */
    public io.maas.scheduler.v1.ListDeploymentsResponse listDeployments(io.maas.scheduler.v1.ListDeploymentsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListDeploymentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every healthy worker with its capacity, load and replicas, ordered by id.
     * </pre>
     */
    public io.maas.scheduler.v1.ListWorkersResponse listWorkers(io.maas.scheduler.v1.ListWorkersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWorkersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The routing table: which worker serves which deployment, ready replicas only.
     * </pre>
     */
    public io.maas.scheduler.v1.GetRoutesResponse getRoutes(io.maas.scheduler.v1.GetRoutesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetRoutesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The routing table now, then again whenever it changes.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, io.maas.scheduler.v1.WatchRoutesResponse>
        watchRoutes(io.maas.scheduler.v1.WatchRoutesRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getWatchRoutesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service SchedulerService.
   */
  public static final class SchedulerServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<SchedulerServiceBlockingStub> {
    private SchedulerServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SchedulerServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SchedulerServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a new deployment; placing and loading its replicas follows in the
     * background (watch its status). ALREADY_EXISTS when the name is taken,
     * INVALID_ARGUMENT for a malformed spec.
     * </pre>
     */
    public io.maas.scheduler.v1.CreateDeploymentResponse createDeployment(io.maas.scheduler.v1.CreateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces a deployment's spec. A new version, or a move of the alias it follows,
     * rolls out without failed requests: the new version loads beside the old one,
     * traffic shifts once it is ready, then the old one drains and unloads.
     * </pre>
     */
    public io.maas.scheduler.v1.UpdateDeploymentResponse updateDeployment(io.maas.scheduler.v1.UpdateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Stops routing to the deployment, then drains and unloads its replicas.
     * </pre>
     */
    public io.maas.scheduler.v1.DeleteDeploymentResponse deleteDeployment(io.maas.scheduler.v1.DeleteDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteDeploymentMethod(), getCallOptions(), request);
    }

    /**
     */
    public io.maas.scheduler.v1.GetDeploymentResponse getDeployment(io.maas.scheduler.v1.GetDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetDeploymentMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every deployment, ordered by name.
     * </pre>
     */
    public io.maas.scheduler.v1.ListDeploymentsResponse listDeployments(io.maas.scheduler.v1.ListDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDeploymentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Every healthy worker with its capacity, load and replicas, ordered by id.
     * </pre>
     */
    public io.maas.scheduler.v1.ListWorkersResponse listWorkers(io.maas.scheduler.v1.ListWorkersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWorkersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The routing table: which worker serves which deployment, ready replicas only.
     * </pre>
     */
    public io.maas.scheduler.v1.GetRoutesResponse getRoutes(io.maas.scheduler.v1.GetRoutesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetRoutesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The routing table now, then again whenever it changes.
     * </pre>
     */
    public java.util.Iterator<io.maas.scheduler.v1.WatchRoutesResponse> watchRoutes(
        io.maas.scheduler.v1.WatchRoutesRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getWatchRoutesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service SchedulerService.
   */
  public static final class SchedulerServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<SchedulerServiceFutureStub> {
    private SchedulerServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SchedulerServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SchedulerServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a new deployment; placing and loading its replicas follows in the
     * background (watch its status). ALREADY_EXISTS when the name is taken,
     * INVALID_ARGUMENT for a malformed spec.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.CreateDeploymentResponse> createDeployment(
        io.maas.scheduler.v1.CreateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces a deployment's spec. A new version, or a move of the alias it follows,
     * rolls out without failed requests: the new version loads beside the old one,
     * traffic shifts once it is ready, then the old one drains and unloads.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.UpdateDeploymentResponse> updateDeployment(
        io.maas.scheduler.v1.UpdateDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Stops routing to the deployment, then drains and unloads its replicas.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.DeleteDeploymentResponse> deleteDeployment(
        io.maas.scheduler.v1.DeleteDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteDeploymentMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.GetDeploymentResponse> getDeployment(
        io.maas.scheduler.v1.GetDeploymentRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetDeploymentMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Every deployment, ordered by name.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.ListDeploymentsResponse> listDeployments(
        io.maas.scheduler.v1.ListDeploymentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDeploymentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Every healthy worker with its capacity, load and replicas, ordered by id.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.ListWorkersResponse> listWorkers(
        io.maas.scheduler.v1.ListWorkersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWorkersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The routing table: which worker serves which deployment, ready replicas only.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<io.maas.scheduler.v1.GetRoutesResponse> getRoutes(
        io.maas.scheduler.v1.GetRoutesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetRoutesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_DEPLOYMENT = 0;
  private static final int METHODID_UPDATE_DEPLOYMENT = 1;
  private static final int METHODID_DELETE_DEPLOYMENT = 2;
  private static final int METHODID_GET_DEPLOYMENT = 3;
  private static final int METHODID_LIST_DEPLOYMENTS = 4;
  private static final int METHODID_LIST_WORKERS = 5;
  private static final int METHODID_GET_ROUTES = 6;
  private static final int METHODID_WATCH_ROUTES = 7;

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
        case METHODID_CREATE_DEPLOYMENT:
          serviceImpl.createDeployment((io.maas.scheduler.v1.CreateDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.CreateDeploymentResponse>) responseObserver);
          break;
        case METHODID_UPDATE_DEPLOYMENT:
          serviceImpl.updateDeployment((io.maas.scheduler.v1.UpdateDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.UpdateDeploymentResponse>) responseObserver);
          break;
        case METHODID_DELETE_DEPLOYMENT:
          serviceImpl.deleteDeployment((io.maas.scheduler.v1.DeleteDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.DeleteDeploymentResponse>) responseObserver);
          break;
        case METHODID_GET_DEPLOYMENT:
          serviceImpl.getDeployment((io.maas.scheduler.v1.GetDeploymentRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.GetDeploymentResponse>) responseObserver);
          break;
        case METHODID_LIST_DEPLOYMENTS:
          serviceImpl.listDeployments((io.maas.scheduler.v1.ListDeploymentsRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.ListDeploymentsResponse>) responseObserver);
          break;
        case METHODID_LIST_WORKERS:
          serviceImpl.listWorkers((io.maas.scheduler.v1.ListWorkersRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.ListWorkersResponse>) responseObserver);
          break;
        case METHODID_GET_ROUTES:
          serviceImpl.getRoutes((io.maas.scheduler.v1.GetRoutesRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.GetRoutesResponse>) responseObserver);
          break;
        case METHODID_WATCH_ROUTES:
          serviceImpl.watchRoutes((io.maas.scheduler.v1.WatchRoutesRequest) request,
              (io.grpc.stub.StreamObserver<io.maas.scheduler.v1.WatchRoutesResponse>) responseObserver);
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
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.CreateDeploymentRequest,
              io.maas.scheduler.v1.CreateDeploymentResponse>(
                service, METHODID_CREATE_DEPLOYMENT)))
        .addMethod(
          getUpdateDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.UpdateDeploymentRequest,
              io.maas.scheduler.v1.UpdateDeploymentResponse>(
                service, METHODID_UPDATE_DEPLOYMENT)))
        .addMethod(
          getDeleteDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.DeleteDeploymentRequest,
              io.maas.scheduler.v1.DeleteDeploymentResponse>(
                service, METHODID_DELETE_DEPLOYMENT)))
        .addMethod(
          getGetDeploymentMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.GetDeploymentRequest,
              io.maas.scheduler.v1.GetDeploymentResponse>(
                service, METHODID_GET_DEPLOYMENT)))
        .addMethod(
          getListDeploymentsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.ListDeploymentsRequest,
              io.maas.scheduler.v1.ListDeploymentsResponse>(
                service, METHODID_LIST_DEPLOYMENTS)))
        .addMethod(
          getListWorkersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.ListWorkersRequest,
              io.maas.scheduler.v1.ListWorkersResponse>(
                service, METHODID_LIST_WORKERS)))
        .addMethod(
          getGetRoutesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              io.maas.scheduler.v1.GetRoutesRequest,
              io.maas.scheduler.v1.GetRoutesResponse>(
                service, METHODID_GET_ROUTES)))
        .addMethod(
          getWatchRoutesMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              io.maas.scheduler.v1.WatchRoutesRequest,
              io.maas.scheduler.v1.WatchRoutesResponse>(
                service, METHODID_WATCH_ROUTES)))
        .build();
  }

  private static abstract class SchedulerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SchedulerServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return io.maas.scheduler.v1.SchedulerProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SchedulerService");
    }
  }

  private static final class SchedulerServiceFileDescriptorSupplier
      extends SchedulerServiceBaseDescriptorSupplier {
    SchedulerServiceFileDescriptorSupplier() {}
  }

  private static final class SchedulerServiceMethodDescriptorSupplier
      extends SchedulerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    SchedulerServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (SchedulerServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SchedulerServiceFileDescriptorSupplier())
              .addMethod(getCreateDeploymentMethod())
              .addMethod(getUpdateDeploymentMethod())
              .addMethod(getDeleteDeploymentMethod())
              .addMethod(getGetDeploymentMethod())
              .addMethod(getListDeploymentsMethod())
              .addMethod(getListWorkersMethod())
              .addMethod(getGetRoutesMethod())
              .addMethod(getWatchRoutesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
