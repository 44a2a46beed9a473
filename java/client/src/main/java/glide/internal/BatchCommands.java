package glide.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a batch, in order, as they will be sent: each one's arguments and the reply
 * shape the core gives it. Filled by {@link #add(byte[][], int)} with a defined command
 * (glide.internal.commands), or by {@link #add(byte[][])} with a custom command's arguments.
 */
public final class BatchCommands {
    private final List<byte[][]> commands = new ArrayList<>();
    private final List<Integer> shapes = new ArrayList<>();

    /** Appends a custom command: the core derives its reply's shape from its bytes. */
    public void add(byte[][] args) {
        add(args, Wire.Shape.NATURAL);
    }

    /**
     * Appends a defined command (glide.internal.commands) with the reply shape its definition
     * states, a {@link Wire.Shape} code.
     */
    public void add(byte[][] args, int shape) {
        commands.add(args);
        shapes.add(shape);
    }

    public int size() {
        return commands.size();
    }

    /** The arguments of command {@code i} (for tests and diagnostics). */
    public byte[][] command(int i) {
        return commands.get(i);
    }

    /** The {@link Wire.Shape} code of command {@code i} (for tests and diagnostics). */
    public int shape(int i) {
        return shapes.get(i);
    }

    /**
     * Every command packed as RESP, back to back (what crosses JNI, once); {@code lengths}
     * receives each one's size.
     */
    byte[] packAll(int[] lengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < commands.size(); i++) {
            byte[] packed = CommandPacker.pack(commands.get(i));
            lengths[i] = packed.length;
            out.write(packed, 0, packed.length);
        }
        return out.toByteArray();
    }

    int[] shapes() {
        return shapes.stream().mapToInt(Integer::intValue).toArray();
    }
}
