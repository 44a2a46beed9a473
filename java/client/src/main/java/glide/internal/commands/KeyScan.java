package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.Wire.Shape;

/**
 * One step of a cursor scan over the elements of one key (HSCAN, SSCAN, ZSCAN): the same
 * arguments (key, cursor, then MATCH/COUNT/NOSCORES options) and the same reply, {@code {next
 * cursor, elements}} with elements of the argument type ({@link Codec#scanStep()}), for all three.
 */
final class KeyScan {
    static final GlideString[] NO_OPTIONS = new GlideString[0];

    private KeyScan() {}

    /**
     * {@code options} as bytes ({@code toGlideStringArgs()}): text options give their pattern as
     * UTF-8, binary ones byte for byte, whatever the argument type of the request.
     */
    static <V> Command<Object[]> step(Codec<V> codec, String name, V key, V cursor, GlideString[] options) {
        return codec.command(name, options.length + 3)
                .arg(key)
                .arg(cursor)
                .raw(options)
                .returning(Shape.AS_SENT, codec.scanStep());
    }
}
