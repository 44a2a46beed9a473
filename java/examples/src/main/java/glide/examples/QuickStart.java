package glide.examples;

import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.SetOptions;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.util.Arrays;
import java.util.Map;

/**
 * A first tour of glide-jni: connects to a server, runs a few commands, prints their results and
 * the client statistics. Arguments: {@code host port} (default {@code localhost 6379}).
 */
public final class QuickStart {
    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "localhost";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 6379;
        GlideClientConfiguration config =
                GlideClientConfiguration.builder()
                        .address(NodeAddress.builder().host(host).port(port).build())
                        .clientName("quickstart")
                        .build();

        try (GlideClient client = GlideClient.createClient(config).get()) {
            print("PING", client.ping().get());
            print("SET greeting", client.set("greeting", "hello from glide-jni").get());
            print("GET greeting", client.get("greeting").get());
            print(
                    "SET greeting NX",
                    client.set(
                                    "greeting",
                                    "ignored",
                                    SetOptions.builder().conditionalSetOnlyIfNotExist().build())
                            .get());
            print("INCRBY visits 5", client.incrBy("visits", 5).get());
            print("HSET user:1", client.hset("user:1", Map.of("name", "Ada", "lang", "en")).get());
            print("HGETALL user:1", client.hgetall("user:1").get());
            print("LPUSH queue", client.lpush("queue", new String[] {"a", "b", "c"}).get());
            print("LRANGE queue 0 -1", Arrays.toString(client.lrange("queue", 0, -1).get()));
            GlideString binary = gs(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});
            client.set(gs("blob"), binary).get();
            print("GET blob (binary)", Arrays.toString(client.get(gs("blob")).get().getBytes()));
            print("MGET greeting missing", Arrays.toString(client.mget(new String[] {"greeting", "missing"}).get()));
            String server = client.info(new Section[] {Section.SERVER}).get();
            print("INFO server", server.lines().filter(l -> l.startsWith("redis_version")).findFirst().orElse("?"));
            print("DEL", client.del(new String[] {"greeting", "visits", "user:1", "queue", "blob"}).get());
            print("statistics", client.getExtendedStatistics());
        }
    }

    private static void print(String what, Object result) {
        System.out.printf("%-24s %s%n", what, result);
    }
}
