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
