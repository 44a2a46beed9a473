package glide.internal.commands;

import glide.internal.BlockingTimeouts;
import glide.internal.RouteSpec;
import java.util.function.Function;

/**
 * One command as it was defined, ready to run on a client or to be queued in a batch: everything
 * the native core and the completion need, decided in one place (the definition).
 *
 * <ul>
 *   <li>{@link #args()}: the arguments as bytes, the name first;
 *   <li>{@link #shape()}: the reply shape, a {@code Wire.Shape} code naming one {@code
 *       shape::Expect} of the core, which uses it as given (never {@code NATURAL}, which would
 *       let the core derive it from the bytes again);
 *   <li>{@link #convert()}: the reply, once decoded, to the API's result type;
 *   <li>{@link #binary()}: bulk strings reach {@link #convert()} as bytes, not text;
 *   <li>{@link #timeoutMs()}: {@link BlockingTimeouts#DEFAULT}, or a blocking command's own;
 *   <li>{@link #route()}: where a cluster client sends it ({@link RouteSpec#DEFAULT}: by its key).
 * </ul>
 *
 * <p>A batch keeps only the arguments and the shape: its replies are converted together, by the
 * batch's own output setting.
 *
 * @param <T> the API's result type
 */
public final class Command<T> {
    private final byte[][] args;
    private final int shape;
    private final Function<Object, T> convert;
    private final boolean binary;
    private final int timeoutMs;
    private final RouteSpec route;

    Command(byte[][] args, int shape, Function<Object, T> convert, boolean binary, int timeoutMs, RouteSpec route) {
        this.args = args;
        this.shape = shape;
        this.convert = convert;
        this.binary = binary;
        this.timeoutMs = timeoutMs;
        this.route = route;
    }

    public byte[][] args() {
        return args;
    }

    public int shape() {
        return shape;
    }

    public Function<Object, T> convert() {
        return convert;
    }

    public boolean binary() {
        return binary;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public RouteSpec route() {
        return route;
    }

    /** This command sent where {@code target} says (a cluster client's explicit route). */
    public Command<T> routedTo(RouteSpec target) {
        return new Command<>(args, shape, convert, binary, timeoutMs, target);
    }

    /**
     * This command with its reply converted by {@code replacement} instead: a cluster client's
     * reply that may come by node, made a {@code ClusterValue} around this command's own converter.
     * The bytes, shape, timeout and route stay the definition's.
     */
    public <R> Command<R> convertedBy(Function<Object, R> replacement) {
        return new Command<>(args, shape, replacement, binary, timeoutMs, route);
    }
}
