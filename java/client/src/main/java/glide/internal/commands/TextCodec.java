package glide.internal.commands;

import glide.internal.Args;
import glide.internal.ReplyConverters;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link Codec#TEXT}: arguments encoded as UTF-8; a reply that is not valid UTF-8 fails with a
 * {@code RequestException} pointing at the GlideString overload, instead of decoding lossily.
 */
final class TextCodec extends Codec<String> {
    @Override
    public boolean binary() {
        return false;
    }

    @Override
    void add(Args args, String value) {
        args.add(value);
    }

    @Override
    void addAll(Args args, String[] values) {
        args.addAll(values);
    }

    @Override
    public Function<Object, String> value() {
        return ReplyConverters.STRING;
    }

    @Override
    public Function<Object, String[]> array() {
        return ReplyConverters.STRING_ARRAY;
    }

    @Override
    public Function<Object, String> text() {
        return ReplyConverters.STRING;
    }

    @Override
    public Function<Object, Map<String, String>> map() {
        return ReplyConverters.TEXT_MAP;
    }

    @Override
    public Function<Object, Set<String>> set() {
        return ReplyConverters.STRING_SET;
    }
}
