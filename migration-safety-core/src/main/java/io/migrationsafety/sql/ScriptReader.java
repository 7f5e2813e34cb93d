package io.migrationsafety.sql;

import io.migrationsafety.MigrationSafetyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a script file as UTF-8 (PostgreSQL's and every migration tool's default), refusing bytes
 * that are not UTF-8 with the line and column where they start, and dropping a leading
 * byte-order mark.
 */
public final class ScriptReader {

  private ScriptReader() {}

  /**
   * The text of {@code file}.
   *
   * @throws SqlSyntaxException when the file is not valid UTF-8
   * @throws MigrationSafetyException when the file cannot be read
   */
  public static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MigrationSafetyException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return decode(bytes, file.toString());
  }

  /** Decodes {@code bytes} as UTF-8; {@code file} names them in the error. */
  public static String decode(byte[] bytes, String file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      String before = withoutByteOrderMark(new String(bytes, 0, bad, StandardCharsets.UTF_8));
      SourcePosition at = SourcePosition.START.advance(before);
      throw new SqlSyntaxException(file, at.line(), at.column(), String.format(
          "invalid UTF-8 (byte 0x%02X at byte offset %d): save the file as UTF-8",
          bytes[bad] & 0xFF, bad));
    }
    try {
      result = decoder.flush(out);
      if (result.isError()) {
        result.throwException();
      }
    } catch (CharacterCodingException e) {
      throw new SqlSyntaxException(file, 1, 1, "invalid UTF-8: " + e.getMessage());
    }
    out.flip();
    return withoutByteOrderMark(out.toString());
  }

  /** Drops a leading byte-order mark: it is no character of the script, nor a column of line 1. */
  private static String withoutByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
