package glide.api.models.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of MIGRATE: keep the key on the source ({@code COPY}), overwrite it on the target
 * ({@code REPLACE}), and the target's credentials ({@code AUTH password} or, with a username,
 * {@code AUTH2 username password}).
 */
public final class MigrateOptions {
    public static final String COPY_VALKEY_API = "COPY";
    public static final String REPLACE_VALKEY_API = "REPLACE";
    public static final String AUTH_VALKEY_API = "AUTH";
    public static final String AUTH2_VALKEY_API = "AUTH2";

    private final boolean copy;
    private final boolean replace;
    private final String username;
    private final String password;

    private MigrateOptions(MigrateOptionsBuilder b) {
        this.copy = b.copy;
        this.replace = b.replace;
        this.username = b.username;
        this.password = b.password;
    }

    public static MigrateOptionsBuilder builder() {
        return new MigrateOptionsBuilder();
    }

    /** The arguments after MIGRATE's timeout. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(5);
        if (copy) {
            args.add(COPY_VALKEY_API);
        }
        if (replace) {
            args.add(REPLACE_VALKEY_API);
        }
        if (password != null) {
            if (username != null) {
                args.add(AUTH2_VALKEY_API);
                args.add(username);
            } else {
                args.add(AUTH_VALKEY_API);
            }
            args.add(password);
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link MigrateOptions}; nothing is set by default. */
    public static class MigrateOptionsBuilder {
        private boolean copy;
        private boolean replace;
        private String username;
        private String password;

        MigrateOptionsBuilder() {}

        public MigrateOptionsBuilder copy(boolean copy) {
            this.copy = copy;
            return this;
        }

        public MigrateOptionsBuilder replace(boolean replace) {
            this.replace = replace;
            return this;
        }

        public MigrateOptionsBuilder password(String password) {
            this.password = password;
            return this;
        }

        /** With a password: sent as {@code AUTH2 username password}. */
        public MigrateOptionsBuilder username(String username) {
            this.username = username;
            return this;
        }

        public MigrateOptions build() {
            return new MigrateOptions(this);
        }

        @Override
        public String toString() {
            return "MigrateOptions.MigrateOptionsBuilder(copy=" + copy + ", replace=" + replace + ", username="
                    + username + ", password=" + (password == null ? null : "***") + ")";
        }
    }
}
