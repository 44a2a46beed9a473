package glide.api.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import glide.api.GlideClient;
import glide.api.models.commands.batch.BatchOptions;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every builder method of {@link BaseBatch} and {@link Batch}, run on a real server, one per
 * pipeline with sample arguments: the server must accept the command's form (no syntax error,
 * wrong arity or unknown subcommand). Errors about the data (WRONGTYPE, a missing key...) are
 * fine. Commands the server does not know (newer than it) are counted and skipped.
 */
class BatchServerAcceptanceTest {
    private static final Pattern MALFORMED =
            Pattern.compile("(?i).*(syntax error|wrong number of arguments|unknown subcommand|unknown command).*");
    private static final Set<String> NOT_COMMANDS = Set.of("withBinaryOutput", "isBinaryOutput", "isAtomic", "commands");

    @Test
    void everyBatchCommandIsWellFormedForTheServer() throws Exception {
        List<Method> methods = new ArrayList<>();
        for (Method m : BaseBatch.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !NOT_COMMANDS.contains(m.getName())) {
                methods.add(m);
            }
        }
        for (Method m : Batch.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                methods.add(m);
            }
        }
        assertTrue(methods.size() >= 320, "methods: " + methods.size());
        try (RedisServer server = RedisServer.start();
                GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                        .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                        .requestTimeout(5000).build()).get(10, TimeUnit.SECONDS)) {
            String info = (String) client.customCommand(new String[] {"INFO", "server"}).get();
            boolean before72 = info.contains("redis_version:6.") || info.contains("redis_version:7.0.")
                    || info.contains("redis_version:7.1.");
            // BITCOUNT key start (no end) came with Valkey 8; Redis wants both (valkey-glide sends it so too).
            boolean valkey8 = info.contains("valkey_version");
            List<String> failures = new ArrayList<>();
            List<String> unknownToServer = new ArrayList<>();
            int accepted = 0;
            for (Method m : methods) {
                Batch batch = new Batch(false);
                Object[] args = arguments(m);
                m.invoke(batch, args);
                byte[][] command = batch.commands().command(0);
                String name = new String(command[0], StandardCharsets.UTF_8);
                String shown = m.getName() + " -> " + describe(command);
                Object[] result = client.exec(batch, false, BatchOptions.builder().timeout(5000).build())
                        .get(10, TimeUnit.SECONDS);
                assertEquals(1, result.length, shown);
                if (!(result[0] instanceof RequestException)) {
                    accepted++;
                    continue;
                }
                String message = ((RequestException) result[0]).getMessage();
                if (!MALFORMED.matcher(message).matches()) {
                    accepted++; // the server read the command and objected to the data
                } else if (!knows(client, name)) {
                    unknownToServer.add(name);
                } else if (before72 && shown.toUpperCase().contains("WITHSCORE")) {
                    unknownToServer.add(name + " WITHSCORE (7.2)");
                } else if (!valkey8 && name.equals("BITCOUNT") && command.length == 3) {
                    unknownToServer.add("BITCOUNT key start (Valkey 8)");
                } else {
                    failures.add(shown + ": " + message);
                }
            }
            System.out.println("BATCH-ACCEPTANCE: " + methods.size() + " methods, " + accepted
                    + " accepted by the server, newer than the server: " + unknownToServer);
            if (!failures.isEmpty()) {
                fail(failures.size() + " malformed:\n" + String.join("\n", failures));
            }
        }
    }

    private static Object[] arguments(Method m) {
        if (m.getName().equals("customCommand")) {
            return new Object[] {new String[] {"ECHO", "custom"}}; // the samplers' args name no command
        }
        if (BatchRecordingPartATest.PART_A.contains(m.getName())) {
            return BatchRecordingPartATest.sampleArgs(m, false);
        }
        Type[] generic = m.getGenericParameterTypes();
        Class<?>[] raw = m.getParameterTypes();
        Object[] args = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            args[i] = BatchRecordingPartBTest.sample(raw[i], generic[i]);
        }
        return args;
    }

    private static boolean knows(GlideClient client, String name) throws Exception {
        Object info = client.customCommand(new String[] {"COMMAND", "INFO", name}).get();
        return info instanceof Object[] && ((Object[]) info).length == 1 && ((Object[]) info)[0] != null;
    }

    private static String describe(byte[][] command) {
        StringBuilder out = new StringBuilder();
        for (byte[] arg : command) {
            out.append(out.length() == 0 ? "" : " ").append(new String(arg, StandardCharsets.UTF_8));
        }
        return out.length() > 200 ? out.substring(0, 200) + "..." : out.toString();
    }
}
