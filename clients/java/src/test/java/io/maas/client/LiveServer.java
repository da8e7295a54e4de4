package io.maas.client;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.Locale;
import java.util.Set;

/**
 * The all-in-one maas the live tests call, named by {@code MAAS_INFERENCE_ADDRESS}, {@code
 * MAAS_REGISTRY_ADDRESS} and {@code MAAS_SCHEDULER_ADDRESS} ({@code make clients-test} sets them).
 * Without them the tests are skipped, except in CI, where a skip would hide that nothing ran.
 */
final class LiveServer {
  private static final Set<String> FALSE = Set.of("", "0", "false", "no", "off");

  private LiveServer() {}

  static ManagedChannel channel(String variable) {
    String address = System.getenv(variable);
    if (address == null || address.isEmpty()) {
      String why =
          variable
              + " is not set: start `maas up --grpc-port 0 --registry-port 0 --scheduler-port 0`"
              + " and export MAAS_INFERENCE_ADDRESS, MAAS_REGISTRY_ADDRESS and"
              + " MAAS_SCHEDULER_ADDRESS, or run `make clients-test`";
      String ci = System.getenv("CI");
      if (ci != null && !FALSE.contains(ci.toLowerCase(Locale.ROOT))) {
        fail(why);
      }
      // Surefire counts a class skipped in @BeforeAll as zero tests and shows no reason.
      System.err.println("skipping the live tests: " + why);
      assumeTrue(false, why);
    }
    return Grpc.newChannelBuilder(address, InsecureChannelCredentials.create()).build();
  }
}
