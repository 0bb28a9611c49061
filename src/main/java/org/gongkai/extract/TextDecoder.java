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
 * (which covers GBK and GB2312), then Tika's statistical detector.
 *
 * <p>Strict decoding comes first because Chinese government sites serve both UTF-8 and GBK, and a
 * strict UTF-8 decode of GBK bytes fails fast, while a detector guess on short files is often wrong.
 */
public final class TextDecoder {

  /** The decoded text and the charset that decoded it. */
  public record Decoded(String text, Charset charset) {}

  private static final Charset GB18030 = Charset.forName("GB18030");

  public Decoded decode(byte[] bytes) throws ExtractionException {
    Optional<Decoded> bom = decodeWithBom(bytes);
    if (bom.isPresent()) return bom.get();
    if (looksBinary(bytes)) {
      throw new ExtractionException("binary content, not text (NUL bytes found)");
    }
    for (Charset cs : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
      Optional<String> text = strict(bytes, cs);
      if (text.isPresent()) return new Decoded(text.get(), cs);
    }
    Charset detected = detect(bytes);
    if (detected == null) {
      throw new ExtractionException("unknown text encoding (not UTF-8, not GB18030/GBK)");
    }
    return new Decoded(new String(bytes, detected), detected);
  }

  private static Optional<Decoded> decodeWithBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return Optional.of(new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE));
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE));
    }
    return Optional.empty();
  }

  private static boolean looksBinary(byte[] b) {
    int n = Math.min(b.length, 8192);
    for (int i = 0; i < n; i++) if (b[i] == 0) return true;
    return false;
  }

  private static Optional<String> strict(byte[] bytes, Charset cs) {
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
