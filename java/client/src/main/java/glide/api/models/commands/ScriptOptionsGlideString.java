package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Keys (KEYS) and arguments (ARGV) of a script run with {@code invokeScript}, as bytes. */
public class ScriptOptionsGlideString extends ScriptArgOptionsGlideString {
    private final List<GlideString> keys;

    protected ScriptOptionsGlideString(ScriptOptionsGlideStringBuilder<?, ?> builder) {
        super(builder);
        this.keys = Collections.unmodifiableList(new ArrayList<>(builder.keys));
    }

    public static ScriptOptionsGlideStringBuilder<?, ?> builder() {
        return new Builder();
    }

    public List<GlideString> getKeys() {
        return keys;
    }

    /** Adds keys to the {@link ScriptArgOptionsGlideString} builder. */
    public abstract static class ScriptOptionsGlideStringBuilder<C extends ScriptOptionsGlideString, B extends ScriptOptionsGlideStringBuilder<C, B>>
            extends ScriptArgOptionsGlideString.ScriptArgOptionsGlideStringBuilder<C, B> {
        private final List<GlideString> keys = new ArrayList<>();

        public ScriptOptionsGlideStringBuilder() {}

        public B key(GlideString key) {
            keys.add(key);
            return self();
        }

        public B keys(Collection<? extends GlideString> keys) {
            this.keys.addAll(keys);
            return self();
        }

        public B clearKeys() {
            keys.clear();
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "ScriptOptionsGlideStringBuilder(keys=" + keys + ", " + super.toString() + ")";
        }
    }

    private static final class Builder extends ScriptOptionsGlideStringBuilder<ScriptOptionsGlideString, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ScriptOptionsGlideString build() {
            return new ScriptOptionsGlideString(this);
        }
    }
}
