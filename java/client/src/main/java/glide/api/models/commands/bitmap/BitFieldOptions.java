package glide.api.models.commands.bitmap;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BITFIELD's subcommands. A field is an encoding ({@code i8}, {@code u16}: signed or unsigned
 * integer of n bits) at an offset (in bits, or {@code #n}: the n-th field of that width).
 *
 * <pre>{@code
 * client.bitfield("k", new BitFieldSubCommands[] {
 *     new BitFieldSet(new UnsignedEncoding(8), new Offset(0), 255),
 *     new BitFieldOverflow(BitOverflowControl.SAT),
 *     new BitFieldIncrby(new SignedEncoding(5), new OffsetMultiplier(2), 100)});
 * }</pre>
 */
public class BitFieldOptions {
    public static final String GET_COMMAND_STRING = "GET";
    public static final String SET_COMMAND_STRING = "SET";
    public static final String INCRBY_COMMAND_STRING = "INCRBY";
    public static final String OVERFLOW_COMMAND_STRING = "OVERFLOW";
    public static final String UNSIGNED_ENCODING_PREFIX = "u";
    public static final String SIGNED_ENCODING_PREFIX = "i";
    public static final String OFFSET_MULTIPLIER_PREFIX = "#";

    public BitFieldOptions() {}

    /** A subcommand of BITFIELD. */
    public interface BitFieldSubCommands {
        String[] toArgs();
    }

    /** A subcommand BITFIELD_RO accepts too (GET). */
    public interface BitFieldReadOnlySubCommands extends BitFieldSubCommands {}

    /** How a field is encoded: {@code i<bits>} or {@code u<bits>}. */
    interface BitEncoding {
        String getEncoding();
    }

    /** Where a field starts. */
    interface BitOffset {
        String getOffset();
    }

    /** A signed integer of {@code bits} bits (1 to 64). */
    public static final class SignedEncoding implements BitEncoding {
        private final String encoding;

        public SignedEncoding(long bits) {
            this.encoding = SIGNED_ENCODING_PREFIX + bits;
        }

        @Override
        public String getEncoding() {
            return encoding;
        }
    }

    /** An unsigned integer of {@code bits} bits (1 to 63). */
    public static final class UnsignedEncoding implements BitEncoding {
        private final String encoding;

        public UnsignedEncoding(long bits) {
            this.encoding = UNSIGNED_ENCODING_PREFIX + bits;
        }

        @Override
        public String getEncoding() {
            return encoding;
        }
    }

    /** An offset in bits. */
    public static final class Offset implements BitOffset {
        private final String offset;

        public Offset(long offset) {
            this.offset = Long.toString(offset);
        }

        @Override
        public String getOffset() {
            return offset;
        }
    }

    /** The {@code multiplier}-th field of the encoding's width ({@code #n}). */
    public static final class OffsetMultiplier implements BitOffset {
        private final String offset;

        public OffsetMultiplier(long multiplier) {
            this.offset = OFFSET_MULTIPLIER_PREFIX + multiplier;
        }

        @Override
        public String getOffset() {
            return offset;
        }
    }

    /** GET a field. */
    public static final class BitFieldGet implements BitFieldReadOnlySubCommands {
        private final BitEncoding encoding;
        private final BitOffset offset;

        public BitFieldGet(BitEncoding encoding, BitOffset offset) {
            this.encoding = encoding;
            this.offset = offset;
        }

        @Override
        public String[] toArgs() {
            return new String[] {GET_COMMAND_STRING, encoding.getEncoding(), offset.getOffset()};
        }
    }

    /** SET a field; replies with its old value. */
    public static final class BitFieldSet implements BitFieldSubCommands {
        private final BitEncoding encoding;
        private final BitOffset offset;
        private final long value;

        public BitFieldSet(BitEncoding encoding, BitOffset offset, long value) {
            this.encoding = encoding;
            this.offset = offset;
            this.value = value;
        }

        @Override
        public String[] toArgs() {
            return new String[] {SET_COMMAND_STRING, encoding.getEncoding(), offset.getOffset(), Long.toString(value)};
        }
    }

    /** INCRBY a field; replies with its new value (null when OVERFLOW FAIL refused it). */
    public static final class BitFieldIncrby implements BitFieldSubCommands {
        private final BitEncoding encoding;
        private final BitOffset offset;
        private final long increment;

        public BitFieldIncrby(BitEncoding encoding, BitOffset offset, long increment) {
            this.encoding = encoding;
            this.offset = offset;
            this.increment = increment;
        }

        @Override
        public String[] toArgs() {
            return new String[] {
                INCRBY_COMMAND_STRING, encoding.getEncoding(), offset.getOffset(), Long.toString(increment)
            };
        }
    }

    /** How the SET and INCRBY subcommands after it handle overflow. */
    public static final class BitFieldOverflow implements BitFieldSubCommands {
        private final BitOverflowControl control;

        public BitFieldOverflow(BitOverflowControl control) {
            this.control = control;
        }

        @Override
        public String[] toArgs() {
            return new String[] {OVERFLOW_COMMAND_STRING, control.name()};
        }

        /** WRAP around, SATurate at the bounds, or FAIL (the subcommand replies null). */
        public enum BitOverflowControl {
            WRAP,
            SAT,
            FAIL
        }
    }

    /** The arguments of {@code subCommands}, in order. */
    public static String[] createBitFieldArgs(BitFieldSubCommands[] subCommands) {
        List<String> args = new ArrayList<>();
        for (BitFieldSubCommands sub : subCommands) {
            args.addAll(Arrays.asList(sub.toArgs()));
        }
        return args.toArray(new String[0]);
    }

    /** {@link #createBitFieldArgs} as GlideStrings. */
    public static GlideString[] createBitFieldGlideStringArgs(BitFieldSubCommands[] subCommands) {
        return Arrays.stream(createBitFieldArgs(subCommands)).map(GlideString::of).toArray(GlideString[]::new);
    }
}
