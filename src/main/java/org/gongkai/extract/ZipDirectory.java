package org.gongkai.extract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How many entries a zip says it holds, read from its end-of-central-directory record before any
 * entry is built: Commons Compress builds every entry of the central directory before the first can
 * be counted, and a directory of two million entries pointing at one byte (a central-directory zip
 * bomb) takes gigabytes to build.
 *
 * <p>The record is the last thing in the file ({@code PK\5\6}, then the disk numbers, the entries
 * on this disk and in all — 2 bytes each, or {@code 0xFFFF} when a ZIP64 record holds the count in
 * 8 bytes — and a comment of up to 64 KiB). APPNOTE.TXT 4.3.14–4.3.16. No library reads this record
 * alone, hence these few lines.
 */
final class ZipDirectory {

  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int EOCD_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  private ZipDirectory() {}

  /**
   * The number of entries the zip declares; -1 when it has no readable record (left to the
   * library).
   */
  static long declaredEntries(byte[] zip) {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int from = zip.length - EOCD_SIZE;
    int to = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT);
    for (int at = from; at >= to; at--) {
      if (b.getInt(at) != EOCD) continue;
      int total = Short.toUnsignedInt(b.getShort(at + 10));
      if (total != 0xFFFF) return total;
      // ZIP64: the locator stands right before the record and says where the ZIP64 record is
      int locator = at - 20;
      if (locator < 0 || b.getInt(locator) != ZIP64_LOCATOR) return total;
      long record = b.getLong(locator + 8);
      if (record < 0 || record > zip.length - 56 || b.getInt((int) record) != ZIP64_EOCD)
        return total;
      return b.getLong((int) record + 32);
    }
    return -1;
  }
}
