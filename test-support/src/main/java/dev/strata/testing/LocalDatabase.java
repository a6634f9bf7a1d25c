package dev.strata.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The local Postgres as its superuser (through the local socket), for tests that cut a service off from it. */
public final class LocalDatabase {

  private static final Path RUNUSER = Path.of("/usr/sbin/runuser");

  private LocalDatabase() {}

  /** True when the Postgres on 127.0.0.1 is the local one whose superuser this process may act as. */
  public static boolean controllable() {
    return Files.isExecutable(RUNUSER) && LocalInfrastructure.reachable(5432) && psql("SELECT 1") != null;
  }

  /**
   * Ends every other session on {@code database}, as a Postgres restart or a failover would: the
   * strata role may not end other roles' sessions, the superuser may. Returns how many were ended.
   */
  public static int terminateConnections(String database) {
    String ended = psql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
        + database.replace("'", "''") + "' AND pid <> pg_backend_pid()");
    if (ended == null) {
      throw new IllegalStateException("could not end the sessions on " + database + " as the postgres superuser");
    }
    return Integer.parseInt(ended.strip());
  }

  private static String psql(String sql) {
    List<String> command = List.of(RUNUSER.toString(), "-u", "postgres", "--", "psql", "-XAtq", "-c", sql);
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(process.getInputStream().readAllBytes());
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
