package dev.strata.warehouse.adapter.out.duckdb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader's view of a DuckDB connection that can run queries and nothing else. DuckDB has no read-only
 * connection on a file opened for writing, so every statement text is checked before it runs: DuckDB's own
 * parser ({@code json_serialize_sql}) accepts only a single {@code SELECT}, so DDL, DML, {@code COPY},
 * {@code ATTACH}, {@code SET}, {@code PRAGMA} and a second statement are refused with {@link ReaderCannotWrite}.
 * Statements built otherwise ({@code executeUpdate}, batches, {@code prepareCall}) and the raw connection
 * ({@code unwrap}) are refused outright. Texts that passed are remembered, so a query is parsed once more only
 * the first time.
 */
final class ReadOnlyConnection {

  private static final String CLASSIFY = "SELECT json_serialize_sql(CAST(? AS VARCHAR)) LIKE '{\"error\":false%'";
  private static final int REMEMBERED = 1_000;
  private static final Set<String> QUERIES = ConcurrentHashMap.newKeySet();

  private ReadOnlyConnection() {}

  /** {@code connection} as a reader may use it; closing the view closes the connection. */
  static Connection of(Connection connection) {
    return proxy(Connection.class, connection, (target, method, args) -> switch (method.getName()) {
      case "prepareStatement" -> {
        requireQuery(connection, (String) args[0]);
        yield proxy(PreparedStatement.class, invoke(target, method, args), statementGuard(connection));
      }
      case "createStatement" -> proxy(Statement.class, invoke(target, method, args), statementGuard(connection));
      case "prepareCall", "unwrap" -> throw new ReaderCannotWrite(method.getName() + " is not open to a reader");
      case "isWrapperFor" -> false;
      default -> invoke(target, method, args);
    });
  }

  /** On a statement: a text given to it must be a query, and nothing may run as an update or a batch. */
  private static Handler statementGuard(Connection connection) {
    return (target, method, args) -> {
      String name = method.getName();
      boolean takesText = args != null && args.length > 0 && args[0] instanceof String;
      if (name.startsWith("executeUpdate") || name.startsWith("executeLargeUpdate") || name.startsWith("addBatch")
          || name.startsWith("executeBatch") || name.startsWith("executeLargeBatch")) {
        throw new ReaderCannotWrite(name + " is not open to a reader");
      }
      if (takesText && name.startsWith("execute")) {
        requireQuery(connection, (String) args[0]);
      }
      if (name.equals("unwrap")) {
        throw new ReaderCannotWrite("unwrap is not open to a reader");
      }
      return invoke(target, method, args);
    };
  }

  private static void requireQuery(Connection connection, String sql) throws SQLException {
    if (QUERIES.contains(sql)) {
      return;
    }
    try (PreparedStatement classify = connection.prepareStatement(CLASSIFY)) {
      classify.setString(1, sql);
      try (var result = classify.executeQuery()) {
        if (!(result.next() && result.getBoolean(1))) {
          throw new ReaderCannotWrite("a reader runs a single SELECT only, not: " + abbreviated(sql));
        }
      }
    }
    if (QUERIES.size() < REMEMBERED) {
      QUERIES.add(sql);
    }
  }

  private static String abbreviated(String sql) {
    String line = sql.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 80) + "…";
  }

  @FunctionalInterface
  private interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler invocation = (self, method, args) -> handler.handle(target, method, args);
    return type.cast(Proxy.newProxyInstance(ReadOnlyConnection.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }

  /** What a reader tried that would write, or could. */
  static final class ReaderCannotWrite extends SQLException {
    ReaderCannotWrite(String message) {
      super(message);
    }
  }
}
