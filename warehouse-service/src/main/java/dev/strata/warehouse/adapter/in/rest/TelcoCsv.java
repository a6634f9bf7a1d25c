package dev.strata.warehouse.adapter.in.rest;

import dev.strata.kernel.error.DomainException;
import dev.strata.warehouse.domain.customer.Customer;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the Telco churn CSV layout ({@code customer_id,churn,female,…,total_charges}) as it arrives,
 * one customer per record; {@code NA} total charges become unknown. Any malformed line rejects the
 * whole file, naming the line: the import runs in one transaction that this iterator's exception rolls back.
 */
final class TelcoCsv implements Iterator<Customer> {

  static final List<String> HEADER = List.of("customer_id", "churn", "female", "senior_citizen", "partner",
      "dependents", "tenure", "phone_service", "multiple_lines", "internet_service", "online_security",
      "online_backup", "device_protection", "tech_support", "streaming_tv", "streaming_movies", "contract",
      "paperless_billing", "payment_method", "monthly_charges", "total_charges");

  private final CsvRecords records;
  private Customer next;

  private TelcoCsv(CsvRecords records) {
    this.records = records;
  }

  /** Checks the header now; the customers are read as the iterator is walked. */
  static TelcoCsv read(InputStream csv) {
    TelcoCsv reader = new TelcoCsv(new CsvRecords(new InputStreamReader(csv, StandardCharsets.UTF_8)));
    List<String> header;
    try {
      header = reader.nextNonBlank();
    } catch (IllegalArgumentException e) {
      header = null;
    }
    if (header == null || !header.equals(HEADER)) {
      throw new DomainException.Invalid("CSV header must be " + String.join(",", HEADER));
    }
    return reader;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        List<String> fields = nextNonBlank();
        next = fields == null ? null : customer(fields);
      } catch (DomainException | IllegalArgumentException e) {
        throw new DomainException.Invalid("line " + records.line() + ": " + e.getMessage());
      }
    }
    return next != null;
  }

  @Override
  public Customer next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Customer customer = next;
    next = null;
    return customer;
  }

  private List<String> nextNonBlank() {
    List<String> fields = records.next();
    while (fields != null && fields.size() == 1 && fields.getFirst().isEmpty()) {
      fields = records.next();
    }
    return fields;
  }

  private static Customer customer(List<String> f) {
    if (f.size() != HEADER.size()) {
      throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.size());
    }
    return new Customer(f.get(0), bit(f.get(2)), bit(f.get(3)), bit(f.get(4)), bit(f.get(5)),
        Integer.parseInt(f.get(6)), bit(f.get(7)), f.get(8), f.get(9), f.get(10), f.get(11), f.get(12), f.get(13),
        f.get(14), f.get(15), f.get(16), bit(f.get(17)), f.get(18), Double.parseDouble(f.get(19)),
        "NA".equals(f.get(20)) || f.get(20).isEmpty() ? null : Double.parseDouble(f.get(20)), churn(f.get(1)), null);
  }

  private static boolean bit(String value) {
    return switch (value) {
      case "1", "Yes" -> true;
      case "0", "No" -> false;
      default -> throw new IllegalArgumentException("expected 0/1 or Yes/No, found '" + value + "'");
    };
  }

  private static Boolean churn(String value) {
    return "NA".equals(value) || value.isEmpty() ? null : bit(value);
  }
}
