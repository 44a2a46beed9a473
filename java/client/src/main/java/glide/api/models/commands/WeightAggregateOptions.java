package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.List;
import org.apache.commons.lang3.tuple.Pair;

/**
 * The inputs of {@code ZUNION}, {@code ZINTER} and their {@code STORE} forms: the source keys,
 * plain ({@link KeyArray}) or each with a weight its scores are multiplied by ({@link
 * WeightedKeys}), and how the scores of a member found in several of them combine ({@link
 * Aggregate}).
 *
 * <pre>{@code
 * KeysOrWeightedKeys keys = new WeightedKeys(List.of(Pair.of("week1", 1.0), Pair.of("week2", 2.0)));
 * Map<String, Double> best = client.zunionWithScores(keys, Aggregate.MAX).get();
 * }</pre>
 *
 * <p>{@link WeightedKeys} takes Apache Commons Lang's {@code Pair}, as valkey-glide does; that
 * library is an optional dependency of glide-jni, so add {@code org.apache.commons:commons-lang3}
 * to your build to use weights.
 */
public abstract class WeightAggregateOptions {
    public static final String WEIGHTS_VALKEY_API = "WEIGHTS";
    public static final String AGGREGATE_VALKEY_API = "AGGREGATE";

    /** How a member's scores from several sets combine. */
    public enum Aggregate {
        SUM,
        MIN,
        MAX;

        /** {@code AGGREGATE SUM|MIN|MAX}. */
        public String[] toArgs() {
            return new String[] {AGGREGATE_VALKEY_API, name()};
        }
    }

    /** Source keys, with or without weights: {@code numkeys key... [WEIGHTS weight...]}. */
    public interface KeysOrWeightedKeys {
        String[] toArgs();
    }

    /** {@link KeysOrWeightedKeys} with binary keys. */
    public interface KeysOrWeightedKeysBinary {
        GlideString[] toArgs();
    }

    /** Source keys without weights (each counts once). */
    public static class KeyArray implements KeysOrWeightedKeys {
        private final String[] keys;

        public KeyArray(String[] keys) {
            this.keys = keys;
        }

        /** {@code numkeys key...}. */
        @Override
        public String[] toArgs() {
            String[] args = new String[keys.length + 1];
            args[0] = Integer.toString(keys.length);
            System.arraycopy(keys, 0, args, 1, keys.length);
            return args;
        }
    }

    /** {@link KeyArray} with binary keys. */
    public static class KeyArrayBinary implements KeysOrWeightedKeysBinary {
        private final GlideString[] keys;

        public KeyArrayBinary(GlideString[] keys) {
            this.keys = keys;
        }

        /** {@code numkeys key...}. */
        @Override
        public GlideString[] toArgs() {
            GlideString[] args = new GlideString[keys.length + 1];
            args[0] = GlideString.of(Integer.toString(keys.length));
            System.arraycopy(keys, 0, args, 1, keys.length);
            return args;
        }
    }

    /** Source keys, each with the weight its scores are multiplied by. */
    public static class WeightedKeys implements KeysOrWeightedKeys {
        private final List<Pair<String, Double>> keysWeights;

        public WeightedKeys(List<Pair<String, Double>> keysWeights) {
            this.keysWeights = keysWeights;
        }

        /** {@code numkeys key... WEIGHTS weight...}. */
        @Override
        public String[] toArgs() {
            int n = keysWeights.size();
            String[] args = new String[2 * n + 2];
            args[0] = Integer.toString(n);
            args[n + 1] = WEIGHTS_VALKEY_API;
            for (int i = 0; i < n; i++) {
                Pair<String, Double> keyWeight = keysWeights.get(i);
                args[i + 1] = keyWeight.getLeft();
                args[n + 2 + i] = Double.toString(keyWeight.getRight());
            }
            return args;
        }
    }

    /** {@link WeightedKeys} with binary keys. */
    public static class WeightedKeysBinary implements KeysOrWeightedKeysBinary {
        private final List<Pair<GlideString, Double>> keysWeights;

        public WeightedKeysBinary(List<Pair<GlideString, Double>> keysWeights) {
            this.keysWeights = keysWeights;
        }

        /** {@code numkeys key... WEIGHTS weight...}. */
        @Override
        public GlideString[] toArgs() {
            int n = keysWeights.size();
            GlideString[] args = new GlideString[2 * n + 2];
            args[0] = GlideString.of(Integer.toString(n));
            args[n + 1] = GlideString.of(WEIGHTS_VALKEY_API);
            for (int i = 0; i < n; i++) {
                Pair<GlideString, Double> keyWeight = keysWeights.get(i);
                args[i + 1] = keyWeight.getLeft();
                args[n + 2 + i] = GlideString.of(Double.toString(keyWeight.getRight()));
            }
            return args;
        }
    }
}
