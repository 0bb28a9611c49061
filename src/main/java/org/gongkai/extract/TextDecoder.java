package org.gongkai.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.UniversalEncodingDetector;

/**
 * Decodes the bytes of a plain-text file: a byte-order mark wins, then strict UTF-8, then GB18030
 * (which covers GBK and GB2312) unless the result is implausible and Big5 reads it, then Tika's
 * statistical detector.
 *
 * <p>Strict decoding comes first because Chinese government sites serve both UTF-8 and GBK, and a
 * strict UTF-8 decode of GBK bytes fails fast, while a detector guess on short files is often
 * wrong.
 */
public final class TextDecoder {

  /** The decoded text and the charset that decoded it. */
  public record Decoded(String text, Charset charset) {}

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset BIG5 = Charset.forName("Big5");
  private static final Charset GB2312 = Charset.forName("GB2312");

  /**
   * The Han characters GB2312 holds, found once: {@code CharsetEncoder.canEncode} encodes into
   * buffers of its own on every call, and asked of every character of every text file's first 16 KB
   * (twice, for the two UTF-16 byte orders) it was a tenth of a text report's ingest.
   */
  static final java.util.BitSet COMMON_HAN = commonHan();

  private static java.util.BitSet commonHan() {
    var gb2312 = GB2312.newEncoder();
    java.util.BitSet set = new java.util.BitSet(Character.MAX_VALUE + 1);
    for (int c = 0; c <= Character.MAX_VALUE; c++)
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
          && gb2312.canEncode((char) c)) set.set(c);
    return set;
  }

  /**
   * Below this share of GB2312 characters among the Han characters, a GB18030 reading is a misread.
   */
  static final double MIN_COMMON_SHARE = 0.8;

  public Decoded decode(byte[] bytes) throws ExtractionException {
    Optional<Decoded> bom = decodeWithBom(bytes);
    if (bom.isPresent()) return bom.get();
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) return new Decoded(new String(bytes, utf16), utf16);
    if (looksBinary(bytes)) {
      throw new ExtractionException("binary content, not text (NUL bytes found)");
    }
    Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8.isPresent()) return new Decoded(utf8.get(), StandardCharsets.UTF_8);
    Optional<String> gb = strict(bytes, GB18030);
    if (gb.isPresent()) {
      // Big5 (Taiwan, Hong Kong, some older sites) also decodes as GB18030 without error, into rare
      // characters: real simplified text is nearly all common GB2312 characters, a misread is not
      if (commonShare(gb.get()) < MIN_COMMON_SHARE) {
        Optional<String> big5 = strict(bytes, BIG5);
        if (big5.isPresent()) return new Decoded(big5.get(), BIG5);
      }
      return new Decoded(gb.get(), GB18030);
    }
    Charset detected = detect(bytes);
    if (detected == null) {
      throw new ExtractionException("unknown text encoding (not UTF-8, not GB18030/GBK)");
    }
    return new Decoded(new String(bytes, detected), detected);
  }

  private static Optional<Decoded> decodeWithBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return Optional.of(
          new Decoded(
              new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return Optional.of(
          new Decoded(
              new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE),
              StandardCharsets.UTF_16LE));
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return Optional.of(
          new Decoded(
              new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE),
              StandardCharsets.UTF_16BE));
    }
    return Optional.empty();
  }

  /**
   * Below this share of plausible characters (Han, letters, digits, punctuation, spaces), a UTF-16
   * reading is noise.
   */
  static final double MIN_PLAUSIBLE_SHARE = 0.95;

  /**
   * UTF-16 written without a byte-order mark (Windows' "Unicode" text): the byte order whose
   * reading is nearly all characters a report holds — Han characters of the common set, letters,
   * digits, punctuation, line breaks — where the other order's is noise; null when neither reads
   * so. Random bytes and text in any 8-bit encoding read as scattered rare characters either way.
   */
  static Charset utf16WithoutBom(byte[] b) {
    if (b.length < 8 || b.length % 2 != 0) return null;
    int n = Math.min(b.length, 16384) & ~1;
    double le = plausibleShare(new String(b, 0, n, StandardCharsets.UTF_16LE));
    double be = plausibleShare(new String(b, 0, n, StandardCharsets.UTF_16BE));
    if (le >= MIN_PLAUSIBLE_SHARE && le > be) return StandardCharsets.UTF_16LE;
    if (be >= MIN_PLAUSIBLE_SHARE && be > le) return StandardCharsets.UTF_16BE;
    return null;
  }

  private static double plausibleShare(String text) {
    int plausible = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          c == '\n'
              || c == '\r'
              || c == '\t'
              || c >= 0x20 && c < 0x7f
              || COMMON_HAN.get(c)
              || c >= 0x3000 && c <= 0x303f
              || c >= 0xff00 && c <= 0xffef
              || c >= 0x2010 && c <= 0x206f;
      if (ok) plausible++;
    }
    return text.isEmpty() ? 0 : (double) plausible / text.length();
  }

  /**
   * Share of the Han characters of {@code text} that GB2312 (the common simplified set) holds; 1 if
   * none.
   */
  static double commonShare(String text) {
    int han = 0, common = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) continue;
      han++;
      if (COMMON_HAN.get(c)) common++;
    }
    return han == 0 ? 1 : (double) common / han;
  }

  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    for (int i = 0; i < n; i++) if (b[i] == 0) return true;
    return false;
  }

  static Optional<String> strict(byte[] bytes, Charset cs) {
    try {
      return Optional.of(
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Charset detect(byte[] bytes) {
    EncodingDetector detector = new UniversalEncodingDetector();
    try (var in = new java.io.ByteArrayInputStream(bytes)) {
      return detector.detect(in, new Metadata());
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
