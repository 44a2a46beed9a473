package memprofile;

/** Entry point: {@code java -XX:NativeMemoryTracking=summary -jar memprofile-valkey-glide.jar host port [key]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        // The driver is named, not referenced, so the baseline loads no client class.
        Profiler.run(args, "valkey-glide", "memprofile.ValkeyGlideDriver");
    }
}
