package dev.strata.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops and starts the local RabbitMQ application (not the Erlang node), for outage tests. */
public final class LocalBroker {

  private static final Path RABBITMQCTL = Path.of("/usr/sbin/rabbitmqctl");

  private LocalBroker() {}

  /** True when the broker on 127.0.0.1 is the local one this user may stop and start. */
  public static boolean controllable() {
    return Files.isExecutable(RABBITMQCTL) && LocalInfrastructure.reachable(5672) && run("status", "-q");
  }

  public static void stopApp() {
    require(run("stop_app"), "stop_app");
  }

  /** Starts the application again and waits until it accepts connections. */
  public static void startApp() {
    require(run("start_app"), "start_app");
    require(run("await_startup", "--timeout", "120"), "await_startup");
  }

  /**
   * Raises a memory alarm (a high watermark of 0): the broker stops reading from connections that
   * publish, so their messages wait unconfirmed, as they do when a broker goes away mid-publish.
   */
  public static void blockPublishers() {
    require(run("set_vm_memory_high_watermark", "0"), "set_vm_memory_high_watermark 0");
  }

  /** Clears {@link #blockPublishers()}: back to RabbitMQ's default watermark (a restart resets it too). */
  public static void unblockPublishers() {
    require(run("set_vm_memory_high_watermark", "0.4"), "set_vm_memory_high_watermark 0.4");
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("rabbitmqctl " + what + " failed");
    }
  }

  private static boolean run(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(RABBITMQCTL.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(150, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
