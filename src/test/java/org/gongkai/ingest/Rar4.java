package org.gongkai.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes RAR 4 archives with stored (uncompressed) members and names in GBK, as WinRAR on Chinese
 * Windows does for names it does not mark as Unicode. No RAR writer is free to ship, and the format
 * of a stored member is small: a marker, an archive header, a header per file, the end.
 */
final class Rar4 {
  private Rar4() {}

  static byte[] stored(Map<String, byte[]> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00}); // Rar!
    block(out, 0x73, 0, new byte[6]); // archive header: two reserved fields
    for (var m : members.entrySet()) {
      byte[] name = m.getKey().replace('/', '\\').getBytes(Charset.forName("GBK"));
      byte[] data = m.getValue();
      CRC32 crc = new CRC32();
      crc.update(data);
      ByteArrayOutputStream h = new ByteArrayOutputStream();
      le(h, data.length, 4); // packed size
      le(h, data.length, 4); // unpacked size
      h.write(2); // host: Windows
      le(h, crc.getValue(), 4);
      le(h, 0x5B2E0000L, 4); // DOS time
      h.write(20); // version needed: 2.0
      h.write(0x30); // method: store
      le(h, name.length, 2);
      le(h, 0x20, 4); // attributes: archive
      h.writeBytes(name);
      block(out, 0x74, 0x8000, h.toByteArray()); // LONG_BLOCK: data follows
      out.writeBytes(data);
    }
    block(out, 0x7b, 0x4000, new byte[0]); // end of archive
    return out.toByteArray();
  }

  /** A block: CRC (low 16 bits of CRC-32 of what follows it), type, flags, size, fields. */
  private static void block(ByteArrayOutputStream out, int type, int flags, byte[] fields) {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    h.write(type);
    le(h, flags, 2);
    le(h, 7 + fields.length, 2);
    h.writeBytes(fields);
    CRC32 crc = new CRC32();
    crc.update(h.toByteArray());
    le(out, crc.getValue() & 0xffff, 2);
    out.writeBytes(h.toByteArray());
  }

  private static void le(ByteArrayOutputStream out, long v, int bytes) {
    for (int i = 0; i < bytes; i++) out.write((int) (v >>> (8 * i)) & 0xff);
  }
}
