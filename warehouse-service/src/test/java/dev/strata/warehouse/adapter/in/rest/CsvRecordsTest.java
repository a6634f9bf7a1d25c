package dev.strata.warehouse.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  @Test
  void aQuotedFieldKeepsItsCommasLineBreaksAndDoubledQuotes() {
    CsvRecords records = new CsvRecords(new StringReader("a, b ,\"c, d\",\"say \"\"hi\"\"\"\r\n\"x\ny\",z\nlast"));

    assertThat(records.next()).containsExactly("a", "b", "c, d", "say \"hi\"");
    assertThat(records.line()).isEqualTo(1);
    assertThat(records.next()).containsExactly("x\ny", "z");
    assertThat(records.line()).isEqualTo(2);
    assertThat(records.next()).containsExactly("last");
    assertThat(records.line()).isEqualTo(4);
    assertThat(records.next()).isNull();
  }

  @Test
  void emptyFieldsAndATrailingNewlineAreKept() {
    CsvRecords records = new CsvRecords(new StringReader(",,\"\"\n"));

    assertThat(records.next()).containsExactly("", "", "");
    assertThat(records.next()).isNull();
  }

  @Test
  void anUnclosedQuoteOrTextAfterAClosingQuoteIsMalformed() {
    assertThatThrownBy(() -> new CsvRecords(new StringReader("a,\"open")).next())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed");
    assertThatThrownBy(() -> new CsvRecords(new StringReader("\"a\"b,c")).next())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after a quoted field");
  }

  @Test
  void anEndlessFieldOrRecordIsMalformedRatherThanHeldInMemory() {
    assertThatThrownBy(() -> new CsvRecords(new StringReader("a".repeat(5000))).next())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 4096");
    assertThatThrownBy(() -> new CsvRecords(new StringReader(",".repeat(5000))).next())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1024 fields");
  }
}
