package glide.api.models.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Keys (KEYS) and arguments (ARGV) of a script run with {@code invokeScript}. */
public final class ScriptOptions extends ScriptArgOptions {
    private final List<String> keys;

    protected ScriptOptions(ScriptOptionsBuilder<?, ?> builder) {
        super(builder);
        this.keys = Collections.unmodifiableList(new ArrayList<>(builder.keys));
    }

    public static ScriptOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    public List<String> getKeys() {
        return keys;
    }

    /** Adds keys to the {@link ScriptArgOptions} builder. */
    public abstract static class ScriptOptionsBuilder<C extends ScriptOptions, B extends ScriptOptionsBuilder<C, B>>
            extends ScriptArgOptions.ScriptArgOptionsBuilder<C, B> {
        private final List<String> keys = new ArrayList<>();

        public ScriptOptionsBuilder() {}

        public B key(String key) {
            keys.add(key);
            return self();
        }

        public B keys(Collection<? extends String> keys) {
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
            return "ScriptOptionsBuilder(keys=" + keys + ", " + super.toString() + ")";
        }
    }

    private static final class Builder extends ScriptOptionsBuilder<ScriptOptions, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ScriptOptions build() {
            return new ScriptOptions(this);
        }
    }
}
