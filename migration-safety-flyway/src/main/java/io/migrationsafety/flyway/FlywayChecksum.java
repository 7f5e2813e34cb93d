package io.migrationsafety.flyway;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records in {@code flyway_schema_history}: a CRC-32 over the UTF-8 bytes of
 * each line of the script, line endings left out and a byte-order mark at the start of a line
 * dropped, so that only the text counts. Versioned scripts are summed as written; repeatable ones
 * after placeholder replacement, so that a changed value re-runs them.
 */
final class FlywayChecksum {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private FlywayChecksum() {}

  static int of(String text) {
    CRC32 crc = new CRC32();
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = start;
      while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(start, end);
      if (!line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1);
      }
      crc.update(line.getBytes(StandardCharsets.UTF_8));
      if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
        end++;
      }
      start = end + 1;
    }
    return (int) crc.getValue();
  }
}
