package dev.strata.warehouse.domain.keymap;

import dev.strata.kernel.messaging.contract.DatasetKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the keymap's YAML tree into entries, naming every error by where it is ({@code datasets[2].ticker_scope}). */
final class KeymapDocument {

  private static final List<String> REQUIRED =
      List.of("domain", "source", "dataset", "ticker_scope", "key_columns", "version", "promotion");
  private static final List<String> OPTIONAL = List.of("discriminator");
  private static final List<String> PROMOTION_FIELDS = List.of("into", "trigger", "max_row_loss");
  /** Key columns are written into the promotion's SQL: plain lower-case column names only. */
  private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private KeymapDocument() {}

  static List<KeymapEntry> entries(String source, Object document) {
    if (!(document instanceof Map<?, ?> root) || !(root.get("datasets") instanceof List<?> datasets)) {
      throw new KeymapInvalid(source, List.of("the document must have a 'datasets' list"));
    }
    List<String> errors = new ArrayList<>();
    List<KeymapEntry> entries = new ArrayList<>();
    Set<String> identities = new HashSet<>();
    for (int i = 0; i < datasets.size(); i++) {
      String at = "datasets[" + i + "]";
      if (!(datasets.get(i) instanceof Map<?, ?> fields)) {
        errors.add(at + ": must be a mapping");
        continue;
      }
      KeymapEntry entry = entry(at, fields, errors);
      if (entry != null && !identities.add(entry.identity())) {
        errors.add(at + ": duplicate identity " + entry.identity());
      } else if (entry != null) {
        entries.add(entry);
      }
    }
    if (!errors.isEmpty()) {
      throw new KeymapInvalid(source, errors);
    }
    return entries;
  }

  private static KeymapEntry entry(String at, Map<?, ?> fields, List<String> errors) {
    int before = errors.size();
    REQUIRED.stream().filter(field -> fields.get(field) == null).forEach(field -> errors.add(at + "." + field + ": missing"));
    fields.keySet().stream().filter(field -> !REQUIRED.contains(field) && !OPTIONAL.contains(field))
        .forEach(field -> errors.add(at + "." + field + ": unknown field"));
    if (errors.size() > before) {
      return null;
    }
    TickerScope scope = oneOf(at + ".ticker_scope", fields.get("ticker_scope"), TickerScope.class, errors);
    List<String> keys = keys(at, fields.get("key_columns"), errors);
    Object version = fields.get("version");
    if (!(version instanceof Integer number) || number < 1) {
      errors.add(at + ".version: must be a positive integer, was '" + version + "'");
    }
    PromotionRule promotion = promotion(at + ".promotion", fields.get("promotion"), errors);
    if (errors.size() > before) {
      return null;
    }
    Object discriminator = fields.get("discriminator");
    return new KeymapEntry(text(fields, "domain"), text(fields, "source"), text(fields, "dataset"),
        discriminator == null ? null : discriminator.toString(), scope, keys, (Integer) version, promotion);
  }

  private static PromotionRule promotion(String at, Object value, List<String> errors) {
    if (!(value instanceof Map<?, ?> fields)) {
      errors.add(at + ": must be a mapping with 'into' (and optionally 'trigger', 'max_row_loss')");
      return null;
    }
    int before = errors.size();
    fields.keySet().stream().filter(field -> !PROMOTION_FIELDS.contains(field))
        .forEach(field -> errors.add(at + "." + field + ": unknown field"));
    DatasetKind into = fields.get("into") == null ? missing(at + ".into", errors)
        : oneOf(at + ".into", fields.get("into"), DatasetKind.class, errors);
    PromotionRule.Trigger trigger = fields.get("trigger") == null ? PromotionRule.Trigger.ON_INGEST
        : oneOf(at + ".trigger", fields.get("trigger"), PromotionRule.Trigger.class, errors);
    OptionalDouble maxRowLoss = OptionalDouble.empty();
    Object loss = fields.get("max_row_loss");
    if (loss instanceof Number number && number.doubleValue() >= 0 && number.doubleValue() < 1) {
      maxRowLoss = OptionalDouble.of(number.doubleValue());
    } else if (loss != null) {
      errors.add(at + ".max_row_loss: must be a number in [0, 1), was '" + loss + "'");
    }
    return errors.size() > before ? null : new PromotionRule(into, trigger, maxRowLoss);
  }

  private static <T> T missing(String at, List<String> errors) {
    errors.add(at + ": missing");
    return null;
  }

  private static <E extends Enum<E>> E oneOf(String at, Object value, Class<E> type, List<String> errors) {
    try {
      return Enum.valueOf(type, value.toString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
      errors.add(at + ": must be one of " + String.join(", ", names) + ", was '" + value + "'");
      return null;
    }
  }

  private static List<String> keys(String at, Object value, List<String> errors) {
    if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
      errors.add(at + ".key_columns: must be a non-empty list of column names");
      return List.of();
    }
    List<String> keys = list.stream().map(String.class::cast).toList();
    keys.stream().filter(key -> !COLUMN.matcher(key).matches())
        .forEach(key -> errors.add(at + ".key_columns: '" + key + "' is not a column name"));
    if (Set.copyOf(keys).size() != keys.size()) {
      errors.add(at + ".key_columns: a column is listed twice");
    }
    return keys;
  }

  private static String text(Map<?, ?> fields, String field) {
    return fields.get(field).toString();
  }
}
