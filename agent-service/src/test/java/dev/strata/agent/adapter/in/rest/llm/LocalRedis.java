package dev.strata.agent.adapter.in.rest.llm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops and restarts the real local Redis, the way {@code bin/infra} runs it. */
final class LocalRedis {

  private LocalRedis() {}

  static boolean controllable() {
    return onPath("redis-server") && onPath("redis-cli");
  }

  static void stop() {
    run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"));
  }

  static void start() {
    run(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "", "--appendonly", "no"));
  }

  private static boolean onPath(String command) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.getFirst() + " did not finish");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command.getFirst(), e);
    }
  }
}
