package io.saima.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Picks a text file's encoding and decodes it strictly: a byte sequence the encoding does not
 * define is an error, never a replacement character, so a mis-encoded file is refused rather than
 * ingested as mojibake.
 *
 * <p>{@code auto} looks at the first {@link #SNIFF_BYTES} bytes: a UTF-8 byte order mark means
 * UTF-8; bytes that are valid UTF-8 mean UTF-8 (GBK text is almost never valid UTF-8, since its
 * lead bytes 0x81–0xFE are followed by bytes UTF-8 does not allow there); anything else is read as
 * GB18030, which is a superset of GBK and GB2312. A byte order mark means UTF-8 even when the
 * source is set to GBK. Files are streamed, so a file whose first megabyte is plain ASCII and whose
 * later bytes are GBK is refused when those bytes are reached; setting the source's encoding in
 * configuration reads it.
 */
final class TextDecoding {
  static final int SNIFF_BYTES = 1 << 20;

  static final Charset GB18030 = Charset.forName("GB18030");
  static final Charset GBK = Charset.forName("GBK");

  private TextDecoding() {}

  /** A decoding reader over the stream, with the encoding chosen as {@code encoding} says. */
  static Decoded open(InputStream in, String encoding) throws IOException, UnreadableFileException {
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    buffered.mark(SNIFF_BYTES + 1);
    byte[] head = buffered.readNBytes(SNIFF_BYTES);
    boolean wholeFile = head.length < SNIFF_BYTES;
    buffered.reset();
    for (byte b : head) {
      if (b == 0) {
        throw new UnreadableFileException(
            "it holds NUL bytes, so it is binary and not CSV text (UTF-16 text is not supported:"
                + " save it as UTF-8 or GBK)");
      }
    }
    Charset charset;
    // A UTF-8 byte order mark settles it whatever the configuration says: no GBK text starts so.
    switch (startsWithUtf8Bom(head) ? "UTF-8" : encoding) {
      case "auto" -> {
        if (startsWithUtf8Bom(head) || decodes(head, StandardCharsets.UTF_8, wholeFile)) {
          charset = StandardCharsets.UTF_8;
        } else if (decodes(head, GB18030, wholeFile)) {
          charset = GB18030;
        } else {
          throw new UnreadableFileException(
              "its bytes are neither UTF-8 nor GBK/GB18030 text; it is not a CSV file");
        }
      }
      case "UTF-8" -> charset = StandardCharsets.UTF_8;
      case "GBK" -> charset = GBK;
      case "GB18030" -> charset = GB18030;
      default -> throw new IllegalArgumentException("unknown encoding " + encoding);
    }
    if (!decodes(head, charset, wholeFile)) {
      throw new UnreadableFileException(
          "its bytes are not valid "
              + charset.name()
              + " (the encoding "
              + (encoding.equals("auto") ? "detected" : "configured")
              + "); it is undecodable");
    }
    return new Decoded(charset, new InputStreamReader(buffered, strictDecoder(charset)));
  }

  /** The chosen encoding and a reader that fails on bytes it does not define. */
  record Decoded(Charset charset, Reader reader) {}

  static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static boolean startsWithUtf8Bom(byte[] head) {
    return head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF;
  }

  /**
   * True when the bytes decode; when they are only the head of the file, a character cut off at the
   * end of the head is not held against them.
   */
  private static boolean decodes(byte[] bytes, Charset charset, boolean wholeFile) {
    CharsetDecoder decoder = strictDecoder(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8 * 1024);
    while (true) {
      CoderResult result = decoder.decode(in, out, wholeFile);
      if (result.isError()) {
        return false;
      }
      if (result.isOverflow()) {
        out.clear();
        continue;
      }
      break;
    }
    if (wholeFile) {
      out.clear();
      if (decoder.flush(out).isError()) {
        return false;
      }
      return !in.hasRemaining();
    }
    // At most one character's bytes may be left over at the cut.
    return in.remaining() < 4;
  }
}
