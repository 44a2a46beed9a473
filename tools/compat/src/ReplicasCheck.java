import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ReadFrom;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone client given a primary and its replica (and, for the conflict case, a second
 * primary): where writes and reads go under each readFrom and readOnly, and how creation fails.
 * Arguments: primaryPort replicaPort otherPrimaryPort redis-cli. Prints "[replicas] label ->
 * outcome" lines; reads are counted by the servers (INFO commandstats through redis-cli).
 */
public class ReplicasCheck {
    static String cli;
    static int primary;
    static int replica;
    static int other;

    public static void main(String[] args) throws Exception {
        primary = Integer.parseInt(args[0]);
        replica = Integer.parseInt(args[1]);
        other = Integer.parseInt(args[2]);
        cli = args[3];
        String[][] cases = {
            {"replica first, PRIMARY", "rp", "PRIMARY", "false"},
            {"replica first, PREFER_REPLICA", "rp", "PREFER_REPLICA", "false"},
            {"primary first, PREFER_REPLICA", "pr", "PREFER_REPLICA", "false"},
            {"replica first, AZ_AFFINITY without clientAZ", "rp", "AZ_AFFINITY", "false"},
            {"readOnly, primary first, PRIMARY", "pr", "PRIMARY", "true"},
            {"readOnly, primary first, PREFER_REPLICA", "pr", "PREFER_REPLICA", "true"},
        };
        for (String[] c : cases) {
            run(c[0], c[1], ReadFrom.valueOf(c[2]), Boolean.parseBoolean(c[3]));
        }
        conflict();
        System.exit(0);
    }

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> addresses(int... ports) {
        GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> b = GlideClientConfiguration.builder().requestTimeout(2000);
        for (int port : ports) {
            b.address(NodeAddress.builder().host("127.0.0.1").port(port).build());
        }
        return b;
    }

    static void run(String label, String order, ReadFrom readFrom, boolean readOnly) {
        int[] ports = order.equals("rp") ? new int[] {replica, primary} : new int[] {primary, replica};
        GlideClient c;
        try {
            c = GlideClient.createClient(addresses(ports).readFrom(readFrom).readOnly(readOnly).build()).get(20, TimeUnit.SECONDS);
            out(label + ": createClient", "ok");
        } catch (Throwable t) {
            out(label + ": createClient", "FAILED " + unwrap(t).getClass().getSimpleName());
            return;
        }
        try {
            String set;
            try {
                set = String.valueOf(c.set("replicas-check:k", "v").get(10, TimeUnit.SECONDS));
            } catch (Throwable t) {
                set = "FAILED " + unwrap(t).getClass().getSimpleName();
            }
            out(label + ": set", set);
            sleep(300); // replication is asynchronous
            cli(primary, "CONFIG", "RESETSTAT");
            cli(replica, "CONFIG", "RESETSTAT");
            int ok = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    c.get("replicas-check:k").get(10, TimeUnit.SECONDS);
                    ok++;
                } catch (Throwable t) {
                    out(label + ": get", "FAILED " + unwrap(t).getClass().getSimpleName());
                    break;
                }
            }
            out(label + ": 10 GETs", ok + " answered, primary " + gets(primary) + ", replica " + gets(replica));
        } finally {
            close(c);
        }
    }

    static void close(GlideClient c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the outcome that matters was printed
        }
    }

    static void conflict() {
        try {
            GlideClient c = GlideClient.createClient(addresses(primary, other).build()).get(20, TimeUnit.SECONDS);
            out("two primaries: createClient", "ok");
            close(c);
        } catch (Throwable t) {
            out("two primaries: createClient", "FAILED " + unwrap(t).getClass().getSimpleName());
        }
    }

    static long gets(int port) {
        Matcher m = Pattern.compile("cmdstat_get:calls=(\\d+)").matcher(cli(port, "INFO", "commandstats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String cli(int port, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = cli;
            command[1] = "-p";
            command[2] = String.valueOf(port);
            System.arraycopy(args, 0, command, 3, args.length);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder text = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    text.append(line).append('\n');
                }
            }
            p.waitFor();
            return text.toString();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void out(String label, String value) {
        System.out.println("[replicas] " + label + " -> " + value);
        System.out.flush();
    }
}
