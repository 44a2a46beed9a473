package memprofile;

/** Entry point: {@code java -XX:NativeMemoryTracking=summary -jar memprofile-lettuce.jar host port [key]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Profiler.run(args, "lettuce", "memprofile.LettuceDriver");
    }
}
