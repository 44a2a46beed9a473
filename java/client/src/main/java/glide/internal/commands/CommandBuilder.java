package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.Args;
import glide.internal.BlockingTimeouts;
import glide.internal.RouteSpec;
import glide.internal.Wire;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds one {@link Command} inside a definition: keys and values through the codec, numbers and
 * keywords as ASCII/UTF-8 text, option objects' rendered arguments as they come. Started by {@link
 * Codec#command}; {@link #returning} ends it.
 *
 * @param <V> the codec's argument type
 */
public final class CommandBuilder<V> {
    private final Codec<V> codec;
    private final Args args;
    private int timeoutMs = BlockingTimeouts.DEFAULT;

    CommandBuilder(Codec<V> codec, Args args) {
        this.codec = codec;
        this.args = args;
    }

    /** A key or value, encoded by the codec. */
    public CommandBuilder<V> arg(V value) {
        codec.add(args, value);
        return this;
    }

    /** Keys or values, each encoded by the codec. */
    public CommandBuilder<V> args(V[] values) {
        codec.addAll(args, values);
        return this;
    }

    /** Each entry's key then value, in the map's iteration order (MSET). */
    public CommandBuilder<V> pairs(Map<V, V> entries) {
        for (Map.Entry<V, V> e : entries.entrySet()) {
            codec.add(args, e.getKey());
            codec.add(args, e.getValue());
        }
        return this;
    }

    public CommandBuilder<V> arg(long number) {
        args.add(number);
        return this;
    }

    public CommandBuilder<V> arg(double number) {
        args.add(number);
        return this;
    }

    /** A keyword or an option's text (UTF-8), whatever the codec. */
    public CommandBuilder<V> word(String keyword) {
        args.add(keyword);
        return this;
    }

    /** Options rendered as text (UTF-8), whatever the codec. */
    public CommandBuilder<V> words(String[] keywords) {
        args.addAll(keywords);
        return this;
    }

    /** Options rendered as bytes, whatever the codec. */
    public CommandBuilder<V> raw(GlideString bytes) {
        args.add(bytes);
        return this;
    }

    /** Options rendered as bytes, whatever the codec. */
    public CommandBuilder<V> raw(GlideString[] bytes) {
        args.addAll(bytes);
        return this;
    }

    /** A blocking command's own timeout (see {@link BlockingTimeouts}), instead of the client's. */
    public CommandBuilder<V> timeout(int nativeTimeoutMs) {
        this.timeoutMs = nativeTimeoutMs;
        return this;
    }

    /**
     * Ends the command: its reply takes {@code shape} (a {@code Wire.Shape} code other than {@code
     * NATURAL}) and is then converted by {@code convert}.
     */
    public <T> Command<T> returning(int shape, Function<Object, T> convert) {
        if (shape == Wire.Shape.NATURAL) {
            // A definition states its shape; NATURAL is for commands given whole (customCommand).
            throw new IllegalArgumentException("a defined command names its reply shape");
        }
        return new Command<>(args.build(), shape, convert, codec.binary(), timeoutMs, RouteSpec.DEFAULT);
    }
}
