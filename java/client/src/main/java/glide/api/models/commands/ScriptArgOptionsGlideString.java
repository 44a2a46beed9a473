package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Arguments (ARGV) of a script run with {@code invokeScript}, as bytes. */
public class ScriptArgOptionsGlideString {
    private final List<GlideString> args;

    protected ScriptArgOptionsGlideString(ScriptArgOptionsGlideStringBuilder<?, ?> builder) {
        this.args = Collections.unmodifiableList(new ArrayList<>(builder.args));
    }

    public static ScriptArgOptionsGlideStringBuilder<?, ?> builder() {
        return new Builder();
    }

    public List<GlideString> getArgs() {
        return args;
    }

    /** Builds the options; {@code B} is the concrete builder, so calls chain in any order. */
    public abstract static class ScriptArgOptionsGlideStringBuilder<C extends ScriptArgOptionsGlideString, B extends ScriptArgOptionsGlideStringBuilder<C, B>> {
        private final List<GlideString> args = new ArrayList<>();

        public ScriptArgOptionsGlideStringBuilder() {}

        public B arg(GlideString arg) {
            args.add(arg);
            return self();
        }

        public B args(Collection<? extends GlideString> args) {
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
            return "ScriptArgOptionsGlideStringBuilder(args=" + args + ")";
        }
    }

    private static final class Builder extends ScriptArgOptionsGlideStringBuilder<ScriptArgOptionsGlideString, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ScriptArgOptionsGlideString build() {
            return new ScriptArgOptionsGlideString(this);
        }
    }
}
