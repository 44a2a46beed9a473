package glide.api.models.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Arguments (ARGV) of a script run with {@code invokeScript}. */
public class ScriptArgOptions {
    private final List<String> args;

    protected ScriptArgOptions(ScriptArgOptionsBuilder<?, ?> builder) {
        this.args = Collections.unmodifiableList(new ArrayList<>(builder.args));
    }

    public static ScriptArgOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    public List<String> getArgs() {
        return args;
    }

    /** Builds the options; {@code B} is the concrete builder, so calls chain in any order. */
    public abstract static class ScriptArgOptionsBuilder<C extends ScriptArgOptions, B extends ScriptArgOptionsBuilder<C, B>> {
        private final List<String> args = new ArrayList<>();

        public ScriptArgOptionsBuilder() {}

        public B arg(String arg) {
            args.add(arg);
            return self();
        }

        public B args(Collection<? extends String> args) {
            this.args.addAll(args);
            return self();
        }

        public B clearArgs() {
            args.clear();
            return self();
        }

        protected abstract B self();

        public abstract C build();

        @Override
        public String toString() {
            return "ScriptArgOptionsBuilder(args=" + args + ")";
        }
    }

    private static final class Builder extends ScriptArgOptionsBuilder<ScriptArgOptions, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ScriptArgOptions build() {
            return new ScriptArgOptions(this);
        }
    }
}
