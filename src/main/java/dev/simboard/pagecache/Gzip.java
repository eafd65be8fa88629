package dev.simboard.pagecache;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A kept page's head compressed once, to which each request's own end (its forms with
 * their CSRF token, and the closing tags) is added as a gzip body. The head is raw
 * DEFLATE ended by a sync flush, so it stops on a byte boundary as a non-final block; the
 * end follows as it is, in the final block. The gzip trailer's CRC-32 covers the whole
 * page, worked out on each request: the JDK cannot combine two CRCs, and over a page's
 * few tens of KB it costs microseconds.
 */
final class Gzip {

	/** ID1 ID2, deflate, no flags, no time, no extra flags, unknown OS. */
	private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	/** The most a stored DEFLATE block holds. */
	private static final int MAX_STORED = 65_535;

	private final byte[] head;

	private final byte[][] plainHead;

	private final long headLength;

	private Gzip(byte[] head, byte[][] plainHead, long headLength) {
		this.head = head;
		this.plainHead = plainHead;
		this.headLength = headLength;
	}

	static Gzip of(byte[][] pieces) {
		Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(HEADER);
			byte[] buffer = new byte[16 * 1024];
			long length = 0;
			for (byte[] piece : pieces) {
				length += piece.length;
				deflater.setInput(piece);
				while (!deflater.needsInput()) {
					out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
				}
			}
			int written;
			do {
				written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
				out.write(buffer, 0, written);
			}
			while (written == buffer.length);
			return new Gzip(out.toByteArray(), pieces, length);
		}
		finally {
			deflater.end();
		}
	}

	/** The bytes of the compressed head. */
	int compressedLength() {
		return this.head.length;
	}

	/**
	 * The whole page, gzipped: the head as kept, then these parts as they are, in stored
	 * (uncompressed) blocks. They are a request's few hundred bytes of forms and closing
	 * tags: compressing them would cost a compressor per request to save next to nothing.
	 */
	byte[] with(byte[]... tail) {
		CRC32 crc = new CRC32();
		for (byte[] piece : this.plainHead) {
			crc.update(piece);
		}
		ByteArrayOutputStream plainTail = new ByteArrayOutputStream(1024);
		for (byte[] piece : tail) {
			crc.update(piece);
			plainTail.writeBytes(piece);
		}
		byte[] rest = plainTail.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream(this.head.length + rest.length + 32);
		out.writeBytes(this.head);
		int at = 0;
		do {
			int length = Math.min(rest.length - at, MAX_STORED);
			boolean last = at + length == rest.length;
			// BFINAL on the last block, BTYPE 00 (stored); LEN and its complement, LSB
			// first.
			out.write(last ? 1 : 0);
			out.write(length & 0xff);
			out.write((length >> 8) & 0xff);
			out.write(~length & 0xff);
			out.write((~length >> 8) & 0xff);
			out.write(rest, at, length);
			at += length;
		}
		while (at < rest.length);
		writeIntLittleEndian(out, crc.getValue());
		writeIntLittleEndian(out, this.headLength + rest.length);
		return out.toByteArray();
	}

	/**
	 * Whether an Accept-Encoding header takes gzip at a weight above 0: named, or else
	 * through {@code *}.
	 */
	static boolean accepted(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		Boolean any = null;
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip().toLowerCase(Locale.ROOT);
			if (name.equals("gzip") || name.equals("x-gzip")) {
				return !refused(parts);
			}
			if (name.equals("*")) {
				any = !refused(parts);
			}
		}
		return Boolean.TRUE.equals(any);
	}

	private static boolean refused(String[] parameters) {
		for (int i = 1; i < parameters.length; i++) {
			String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
			if (parameter.startsWith("q=")) {
				try {
					return Double.parseDouble(parameter.substring(2)) <= 0;
				}
				catch (NumberFormatException ex) {
					return true;
				}
			}
		}
		return false;
	}

	private static void writeIntLittleEndian(ByteArrayOutputStream out, long value) {
		out.write((int) (value & 0xff));
		out.write((int) ((value >> 8) & 0xff));
		out.write((int) ((value >> 16) & 0xff));
		out.write((int) ((value >> 24) & 0xff));
	}

}
