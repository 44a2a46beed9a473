package glide.api.models.configuration;

/**
 * Authentication settings: a password with an optional ACL username, or an IAM configuration
 * (together with the username) for AWS-managed clusters.
 */
public class ServerCredentials {

    private final String password;
    private final String username;
    private final IamAuthConfig iamConfig;

    private ServerCredentials(String password, String username, IamAuthConfig iamConfig) {
        this.password = password;
        this.username = username;
        this.iamConfig = iamConfig;
    }

    public static ServerCredentialsBuilder builder() {
        return new ServerCredentialsBuilder();
    }

    public String getPassword() {
        return password;
    }

    /** The ACL user name; when null the server's {@code default} user is meant. */
    public String getUsername() {
        return username;
    }

    /** IAM authentication settings, or null for password authentication. */
    public IamAuthConfig getIamConfig() {
        return iamConfig;
    }

    /** Builder for {@link ServerCredentials}. */
    public static class ServerCredentialsBuilder {
        private String password;
        private String username;
        private IamAuthConfig iamConfig;

        ServerCredentialsBuilder() {}

        public ServerCredentialsBuilder password(String password) {
            this.password = password;
            return this;
        }

        public ServerCredentialsBuilder username(String username) {
            this.username = username;
            return this;
        }

        public ServerCredentialsBuilder iamConfig(IamAuthConfig iamConfig) {
            this.iamConfig = iamConfig;
            return this;
        }

        public ServerCredentials build() {
            return new ServerCredentials(password, username, iamConfig);
        }

        /** Describes the builder; the password itself is never included. */
        @Override
        public String toString() {
            return "ServerCredentials.ServerCredentialsBuilder(password="
                    + (password == null ? "null" : "<redacted>")
                    + ", username="
                    + username
                    + ", iamConfig="
                    + (iamConfig == null ? "null" : "<set>")
                    + ")";
        }
    }
}
