package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.customer.Customer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;

/** Maps {@code silver.customers} rows to and from {@link Customer}. */
final class CustomerRows {

  static final String COLUMNS = "customer_id, female, senior_citizen, partner, dependents, tenure, phone_service, "
      + "multiple_lines, internet_service, online_security, online_backup, device_protection, tech_support, "
      + "streaming_tv, streaming_movies, contract, paperless_billing, payment_method, monthly_charges, total_charges, "
      + "churned, churn_date";

  private CustomerRows() {}

  static Customer read(ResultSet rs) throws SQLException {
    Date churnDate = rs.getDate("churn_date");
    return new Customer(rs.getString("customer_id"), rs.getBoolean("female"), rs.getBoolean("senior_citizen"),
        rs.getBoolean("partner"), rs.getBoolean("dependents"), rs.getInt("tenure"), rs.getBoolean("phone_service"),
        rs.getString("multiple_lines"), rs.getString("internet_service"), rs.getString("online_security"),
        rs.getString("online_backup"), rs.getString("device_protection"), rs.getString("tech_support"),
        rs.getString("streaming_tv"), rs.getString("streaming_movies"), rs.getString("contract"),
        rs.getBoolean("paperless_billing"), rs.getString("payment_method"), rs.getDouble("monthly_charges"),
        Sql.nullableDouble(rs, "total_charges"), Sql.nullableBoolean(rs, "churned"),
        churnDate == null ? null : churnDate.toLocalDate());
  }

  /** Appends one row in {@link #COLUMNS} order. */
  static void append(DuckDBAppender appender, Customer c) throws SQLException {
    appender.beginRow()
        .append(c.customerId()).append(c.female()).append(c.seniorCitizen()).append(c.partner())
        .append(c.dependents()).append(c.tenure()).append(c.phoneService()).append(c.multipleLines())
        .append(c.internetService()).append(c.onlineSecurity()).append(c.onlineBackup())
        .append(c.deviceProtection()).append(c.techSupport()).append(c.streamingTv())
        .append(c.streamingMovies()).append(c.contract()).append(c.paperlessBilling())
        .append(c.paymentMethod()).append(c.monthlyCharges());
    nullable(appender, c.totalCharges());
    nullable(appender, c.churned());
    nullable(appender, c.churnDate());
    appender.endRow();
  }

  private static void nullable(DuckDBAppender appender, Object value) throws SQLException {
    switch (value) {
      case null -> appender.appendNull();
      case Double number -> appender.append(number.doubleValue());
      case Boolean flag -> appender.append(flag.booleanValue());
      case LocalDate date -> appender.append(date);
      default -> throw new IllegalArgumentException("no DuckDB type for " + value.getClass());
    }
  }
}
