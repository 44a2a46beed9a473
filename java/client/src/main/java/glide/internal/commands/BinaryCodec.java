package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.Args;
import glide.internal.ReplyConverters;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@link Codec#BINARY}: arguments and results as bytes, never decoded. */
final class BinaryCodec extends Codec<GlideString> {
    @Override
    public boolean binary() {
        return true;
    }

    @Override
    void add(Args args, GlideString value) {
        args.add(value);
    }

    @Override
    void addAll(Args args, GlideString[] values) {
        args.addAll(values);
    }

    @Override
    public Function<Object, GlideString> value() {
        return ReplyConverters.GLIDE_STRING;
    }

    @Override
    public Function<Object, GlideString[]> array() {
        return ReplyConverters.GLIDE_STRING_ARRAY;
    }

    /** The API's {@code String} results of a binary request: the bytes decoded (SET ... GET). */
    @Override
    public Function<Object, String> text() {
        return ReplyConverters.ANY_TEXT;
    }

    @Override
    public Function<Object, Map<GlideString, GlideString>> map() {
        return ReplyConverters.map();
    }

    @Override
    public Function<Object, Set<GlideString>> set() {
        return ReplyConverters.GLIDE_STRING_SET;
    }
}
