package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.ConnectionException;
import glide.api.models.exceptions.ExecAbortException;
import glide.api.models.exceptions.GlideException;
import glide.api.models.exceptions.RequestException;
import glide.api.models.exceptions.TimeoutException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a completion into heap objects: {@code null}, Long, Double, Boolean, String or
 * GlideString, Object[], Map, Set, BigInteger. Each native pointer is consumed exactly once.
 *
 * <p>Text becomes a String for String requests and a GlideString for binary ones; bytes that
 * are not valid UTF-8 always stay a GlideString, so no reply is ever decoded lossily.
 *
 * <p>Frames are parsed from a heap {@code byte[]} (see {@link Wire.Tag} and {@code rust/src/reply.rs} for the grammar).
 */
final class ReplyDecoder {
    private ReplyDecoder() {}

    /** Decodes a successful completion; {@code binary} selects GlideString over String. */
    static Object decodeValue(int kind, long payload, boolean binary) {
        switch (kind) {
            case Wire.Kind.NIL:
                return null;
            case Wire.Kind.INT:
                return payload;
            case Wire.Kind.DOUBLE:
                return Double.longBitsToDouble(payload);
            case Wire.Kind.BOOL:
                return payload != 0;
            case Wire.Kind.OK:
                return "OK";
            case Wire.Kind.BULK:
            case Wire.Kind.SIMPLE:
                return binary ? GlideString.of(NativeBridge.takeBytes(payload)) : string(payload);
            case Wire.Kind.BULK_BINARY:
                return GlideString.of(NativeBridge.takeBytes(payload));
            case Wire.Kind.BIGNUM:
                return new BigInteger(new String(NativeBridge.takeBytes(payload), StandardCharsets.US_ASCII));
            case Wire.Kind.FRAME:
                return decodeFrame(payload, binary);
            default:
                throw new RequestException("unknown reply kind " + kind + " from the native core");
        }
    }

    /** The exception for an error completion; consumes its message. */
    static GlideException decodeError(int kind, long payload) {
        String message = new String(NativeBridge.takeBytes(payload), StandardCharsets.UTF_8);
        switch (kind) {
            case Wire.Kind.ERR_TIMEOUT:
                return new TimeoutException(message);
            case Wire.Kind.ERR_CONNECTION:
                return new ConnectionException(message);
            case Wire.Kind.ERR_CLOSING:
                return new ClosingException(message);
            case Wire.Kind.ERR_EXEC_ABORT:
                return new ExecAbortException(message);
            case Wire.Kind.ERR_CONFIGURATION:
                return new ConfigurationError(message);
            default:
                return new RequestException(message);
        }
    }

    /**
     * Frames and text up to this long are copied into a per-thread array that is reused (grown in
     * powers of two up to here), not into a new one: every value decoded from them gets arrays of
     * its own, so the copy itself is garbage as soon as it is read. A platform thread keeps at most
     * this much; virtual threads, which may be many, and longer replies get an array of their own.
     */
    static final int SCRATCH_MAX = 16 * 1024;

    private static final int SCRATCH_MIN = 1024;
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    private static Object decodeFrame(long payload, boolean binary) {
        int length = moveToScratch(payload);
        byte[] bytes = length < 0 ? NativeBridge.takeBytes(payload) : SCRATCH.get();
        return new Frame(bytes, binary).read();
    }

    /**
     * The text behind {@code payload} as a String. Through the scratch array the String's own copy
     * is the only allocation: a 16 KiB GET would otherwise allocate and zero a second 16 KiB.
     */
    private static String string(long payload) {
        int length = moveToScratch(payload);
        if (length < 0) {
            return new String(NativeBridge.takeBytes(payload), StandardCharsets.UTF_8);
        }
        return new String(SCRATCH.get(), 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Moves the bytes behind {@code payload} to the start of this thread's scratch array and
     * returns their length; or returns -1 and leaves them in place (a virtual thread, or longer
     * than {@link #SCRATCH_MAX}) for {@link NativeBridge#takeBytes}.
     */
    private static int moveToScratch(long payload) {
        if (VirtualThreads.current()) {
            return -1;
        }
        byte[] scratch = SCRATCH.get();
        int length = scratch == null ? -1 : NativeBridge.takeBytesInto(payload, scratch);
        if (length >= 0) {
            return length;
        }
        int needed = scratch == null ? SCRATCH_MIN : -length;
        if (needed > SCRATCH_MAX) {
            return -1;
        }
        scratch = new byte[Math.max(SCRATCH_MIN, Integer.highestOneBit(needed - 1) << 1)];
        SCRATCH.set(scratch);
        length = NativeBridge.takeBytesInto(payload, scratch);
        // Negative only when the scratch was first made without knowing the length (the first frame).
        return length < 0 ? moveToScratch(payload) : length;
    }

    /** A cursor over one frame. */
    private static final class Frame {
        private final byte[] bytes;
        private final boolean binary;
        private int pos;

        Frame(byte[] bytes, boolean binary) {
            this.bytes = bytes;
            this.binary = binary;
        }

        Object read() {
            int tag = bytes[pos++];
            switch (tag) {
                case Wire.Tag.NIL:
                    return null;
                case Wire.Tag.INT:
                    return readLong();
                case Wire.Tag.DOUBLE:
                    return Double.longBitsToDouble(readLong());
                case Wire.Tag.BOOL:
                    return bytes[pos++] != 0;
                case Wire.Tag.OK:
                    return "OK";
                case Wire.Tag.BULK:
                case Wire.Tag.SIMPLE:
                    return binary ? GlideString.of(readBytes()) : readText();
                case Wire.Tag.BULK_BINARY:
                    return GlideString.of(readBytes());
                case Wire.Tag.BIGNUM:
                    return new BigInteger(new String(readBytes(), StandardCharsets.US_ASCII));
                case Wire.Tag.ERROR:
                    return new RequestException(new String(readBytes(), StandardCharsets.UTF_8));
                case Wire.Tag.ARRAY:
                    {
                        int n = readLength();
                        Object[] items = new Object[n];
                        for (int i = 0; i < n; i++) {
                            items[i] = read();
                        }
                        return items;
                    }
                case Wire.Tag.MAP:
                case Wire.Tag.NODE_MAP:
                    {
                        int n = readLength();
                        Map<Object, Object> map =
                                tag == Wire.Tag.NODE_MAP ? new NodeReplies(capacityFor(n)) : new LinkedHashMap<>(capacityFor(n));
                        for (int i = 0; i < n; i++) {
                            Object key = read();
                            map.put(key, read());
                        }
                        return map;
                    }
                case Wire.Tag.SET:
                    {
                        int n = readLength();
                        Set<Object> set = new HashSet<>(capacityFor(n));
                        for (int i = 0; i < n; i++) {
                            set.add(read());
                        }
                        return set;
                    }
                default:
                    throw new RequestException("malformed reply frame: tag " + tag + " at " + (pos - 1));
            }
        }

        private static int capacityFor(int n) {
            return (int) Math.min(Integer.MAX_VALUE, (long) n * 4 / 3 + 1);
        }

        private long readLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[pos++] & 0xffL);
            }
            return v;
        }

        private int readLength() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (bytes[pos++] & 0xff);
            }
            return v;
        }

        /**
         * A String decoded in place: copying the bytes out first, as {@link #readBytes()} does, would
         * allocate and copy each element twice (the String keeps a copy of its own). The core tags
         * bytes that are not valid UTF-8 {@code BULK_BINARY}, so this never decodes lossily.
         */
        private String readText() {
            int n = readLength();
            String text = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return text;
        }

        private byte[] readBytes() {
            int n = readLength();
            byte[] out = new byte[n];
            System.arraycopy(bytes, pos, out, 0, n);
            pos += n;
            return out;
        }
    }
}
