package dev.strata.agent.domain.attachment;

import dev.strata.kernel.error.DomainException;

/**
 * The rule for an attachment's file name. The name is metadata only (storage is content-addressed),
 * so Unicode letters and spaces are fine; what is refused is what could mislead a client that saves
 * the file or break a header: path separators, {@code .}/{@code ..}, control and invisible format
 * characters (NUL, CR/LF, right-to-left override), surrounding blanks, more than 128 characters.
 * ({@code SafeName.FILE_NAME} is for names that become paths and would refuse "Q3 report.pdf".)
 */
public final class FileName {

  public static final int MAX_LENGTH = 128;

  private FileName() {}

  public static String require(String name) {
    if (name == null || name.isBlank()) {
      throw new DomainException.Invalid("a file name is required");
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw new DomainException.Invalid("file name must be at most " + MAX_LENGTH + " characters");
    }
    if (!name.strip().equals(name) || name.equals(".") || name.equals("..")) {
      throw new DomainException.Invalid("file name must not be '.', '..' or start or end with blanks");
    }
    if (name.codePoints().anyMatch(FileName::forbidden)) {
      throw new DomainException.Invalid("file name must not contain '/', '\\', '\"' or control characters");
    }
    return name;
  }

  private static boolean forbidden(int c) {
    int type = Character.getType(c);
    return c == '/' || c == '\\' || c == '"' || Character.isISOControl(c) || type == Character.FORMAT
        || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
