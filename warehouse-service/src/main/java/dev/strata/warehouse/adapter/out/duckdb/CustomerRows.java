package dev.strata.warehouse.adapter.out.duckdb;

import dev.strata.warehouse.domain.customer.Customer;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

/** Maps {@code silver.customers} rows to and from {@link Customer}. */
final class CustomerRows {

  static final String COLUMNS = "customer_id, female, senior_citizen, partner, dependents, tenure, phone_service, "
      + "multiple_lines, internet_service, online_security, online_backup, device_protection, tech_support, "
      + "streaming_tv, streaming_movies, contract, paperless_billing, payment_method, monthly_charges, total_charges, "
      + "churned, churn_date";

  static final String UPSERT = "INSERT OR REPLACE INTO silver.customers (" + COLUMNS + ", updated_at) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())";

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

  static void bind(PreparedStatement st, Customer c) throws SQLException {
    Object[] values = {c.customerId(), c.female(), c.seniorCitizen(), c.partner(), c.dependents(), c.tenure(),
        c.phoneService(), c.multipleLines(), c.internetService(), c.onlineSecurity(), c.onlineBackup(),
        c.deviceProtection(), c.techSupport(), c.streamingTv(), c.streamingMovies(), c.contract(),
        c.paperlessBilling(), c.paymentMethod(), c.monthlyCharges()};
    for (int i = 0; i < values.length; i++) {
      st.setObject(i + 1, values[i]);
    }
    if (c.totalCharges() == null) {
      st.setNull(20, Types.DOUBLE);
    } else {
      st.setDouble(20, c.totalCharges());
    }
    if (c.churned() == null) {
      st.setNull(21, Types.BOOLEAN);
    } else {
      st.setBoolean(21, c.churned());
    }
    LocalDate churnDate = c.churnDate();
    st.setString(22, churnDate == null ? null : churnDate.toString());
  }
}
