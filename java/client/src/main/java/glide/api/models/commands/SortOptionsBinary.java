package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@link SortOptions} with binary BY and GET patterns. */
public class SortOptionsBinary extends SortBaseOptions {
    public static final GlideString BY_COMMAND_GLIDE_STRING = GlideString.of("BY");
    public static final GlideString GET_COMMAND_GLIDE_STRING = GlideString.of("GET");

    private final GlideString byPattern;
    private final List<GlideString> getPatterns;

    protected SortOptionsBinary(SortOptionsBinaryBuilder<?, ?> b) {
        super(b);
        this.byPattern = b.byPattern;
        this.getPatterns = new ArrayList<>(b.getPatterns);
    }

    public static SortOptionsBinaryBuilder<?, ?> builder() {
        return new SortOptionsBinaryBuilderImpl();
    }

    /** The arguments with the patterns decoded as text; {@link #toGlideStringArgs()} keeps bytes. */
    @Override
    public String[] toArgs() {
        GlideString[] all = toGlideStringArgs();
        String[] out = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].toString();
        }
        return out;
    }

    /** The shared arguments, then BY, then each GET, as bytes. Not part of valkey-glide's API. */
    public GlideString[] toGlideStringArgs() {
        List<GlideString> args = new ArrayList<>();
        for (String arg : super.toArgs()) {
            args.add(GlideString.of(arg));
        }
        if (byPattern != null) {
            args.add(BY_COMMAND_GLIDE_STRING);
            args.add(byPattern);
        }
        for (GlideString pattern : getPatterns) {
            args.add(GET_COMMAND_GLIDE_STRING);
            args.add(pattern);
        }
        return args.toArray(new GlideString[0]);
    }

    /** Builds {@link SortOptionsBinary}. */
    public abstract static class SortOptionsBinaryBuilder<
                    C extends SortOptionsBinary, B extends SortOptionsBinaryBuilder<C, B>>
            extends SortBaseOptionsBuilder<C, B> {
        private GlideString byPattern;
        private final List<GlideString> getPatterns = new ArrayList<>();

        public SortOptionsBinaryBuilder() {}

        public B byPattern(GlideString byPattern) {
            this.byPattern = byPattern;
            return self();
        }

        public B getPattern(GlideString getPattern) {
            getPatterns.add(getPattern);
            return self();
        }

        public B getPatterns(Collection<? extends GlideString> getPatterns) {
            this.getPatterns.addAll(getPatterns);
            return self();
        }

        public B clearGetPatterns() {
            getPatterns.clear();
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "SortOptionsBinary.SortOptionsBinaryBuilder(super=" + super.toString() + ", byPattern=" + byPattern
                    + ", getPatterns=" + getPatterns + ")";
        }
    }

    static final class SortOptionsBinaryBuilderImpl
            extends SortOptionsBinaryBuilder<SortOptionsBinary, SortOptionsBinaryBuilderImpl> {
        @Override
        protected SortOptionsBinaryBuilderImpl self() {
            return this;
        }

        @Override
        public SortOptionsBinary build() {
            return new SortOptionsBinary(this);
        }
    }
}
