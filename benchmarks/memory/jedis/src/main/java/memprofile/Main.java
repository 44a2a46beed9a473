package memprofile;

/** Entry point: {@code java -XX:NativeMemoryTracking=summary -jar memprofile-jedis.jar host port [key]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Profiler.run(args, "jedis", "memprofile.JedisDriver");
    }
}
