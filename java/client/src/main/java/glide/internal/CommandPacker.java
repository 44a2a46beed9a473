package glide.internal;

/**
 * Packs a command as the RESP array of bulk strings the server reads, in one exactly sized array.
 *
 * <p>Packing on the Java side means a command crosses JNI as one array, copied once, however
 * many arguments it has; reading each argument through JNI costs several calls per argument.
 */
final class CommandPacker {
    private CommandPacker() {}

    static byte[] pack(byte[][] args) {
        int size = 1 + digits(args.length) + 2;
        for (byte[] arg : args) {
            size += 1 + digits(arg.length) + 2 + arg.length + 2;
        }
        byte[] out = new byte[size];
        int pos = header(out, 0, (byte) '*', args.length);
        for (byte[] arg : args) {
            pos = header(out, pos, (byte) '$', arg.length);
            System.arraycopy(arg, 0, out, pos, arg.length);
            pos += arg.length;
            out[pos++] = '\r';
            out[pos++] = '\n';
        }
        return out;
    }

    /** Writes {@code <prefix><n>\r\n} at {@code pos}; returns the position after it. */
    private static int header(byte[] out, int pos, byte prefix, int n) {
        out[pos++] = prefix;
        int end = pos + digits(n);
        for (int i = end - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        out[end] = '\r';
        out[end + 1] = '\n';
        return end + 2;
    }

    private static int digits(int n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }
}
