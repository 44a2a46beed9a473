import java.io.File;
import java.lang.reflect.*;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;

/**
 * API coverage of glide-jni against valkey-glide: public methods of the client and batch classes,
 * matched by name + erased parameter types, grouped by command family.
 *
 * <p>Usage: java ApiCoverage GLIDE_CLASSPATH OUR_CLASSPATH REPORT_FILE
 */
public class ApiCoverage {
    static final String CLIENT = "glide.api.GlideClient", CLUSTER_CLIENT = "glide.api.GlideClusterClient";
    /** Class to report on -> the client whose command families its methods take (null: itself). */
    static final Map<String, String> CLASSES = new LinkedHashMap<>();
    static {
        CLASSES.put(CLIENT, null);
        CLASSES.put(CLUSTER_CLIENT, null);
        CLASSES.put("glide.api.models.Batch", CLIENT);
        CLASSES.put("glide.api.models.ClusterBatch", CLUSTER_CLIENT);
    }

    /** Interface simple-name prefix in glide.api.commands -> family; the order is the report order. */
    static final Map<String, String> FAMILIES = new LinkedHashMap<>();
    static {
        FAMILIES.put("StringBaseCommands", "strings");
        FAMILIES.put("HashBaseCommands", "hashes");
        FAMILIES.put("ListBaseCommands", "lists");
        FAMILIES.put("SetBaseCommands", "sets");
        FAMILIES.put("SortedSetBaseCommands", "sorted sets");
        FAMILIES.put("Generic", "generic keys");
        FAMILIES.put("HyperLogLogBaseCommands", "hyperloglog");
        FAMILIES.put("BitmapBaseCommands", "bitmaps");
        FAMILIES.put("GeospatialIndicesBaseCommands", "geo");
        FAMILIES.put("StreamBaseCommands", "streams");
        FAMILIES.put("ScriptingAndFunctions", "scripting & functions");
        FAMILIES.put("ServerManagement", "server management");
        FAMILIES.put("ConnectionManagement", "connection management");
        FAMILIES.put("Transactions", "transactions");
        FAMILIES.put("PubSub", "pub/sub");
    }
    static final String CLIENT_FAMILY = "client", BATCH_FAMILY = "batch";
    static final Set<String> DEPRECATED_CLASSES =
            Set.of("glide.api.models.Transaction", "glide.api.models.ClusterTransaction");

    /**
     * One public method. key = name(erased parameter types), what methods are matched by; shown =
     * name(generic parameter types), for the report; sig = the full signature that is compared.
     */
    record Member(String key, String shown, String name, String sig, Method method) {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ApiCoverage GLIDE_CLASSPATH OUR_CLASSPATH REPORT_FILE");
            System.exit(2);
        }
        ClassLoader glide = loader(args[0]), ours = loader(args[1]);
        StringBuilder overview = new StringBuilder(), summary = new StringBuilder(), details = new StringBuilder();
        Map<String, Map<String, String>> familyByName = new HashMap<>(); // client class -> name -> family
        int totalGlide = 0, totalOurs = 0;

        for (var entry : CLASSES.entrySet()) {
            String cls = entry.getKey();
            Class<?> g = Class.forName(cls, false, glide), o = load(cls, ours);
            Set<String> deprecated = new TreeSet<>();
            Map<String, Member> gm = members(g, deprecated), om = members(o, new TreeSet<>());

            // family of each valkey-glide method: clients by declaring interface, batches by name
            Map<String, String> families = familyByName.computeIfAbsent(cls, k -> new HashMap<>());
            Map<String, String> family = new HashMap<>(); // key -> family
            for (Member m : gm.values()) {
                String f = entry.getValue() == null ? familyOf(g, m.method)
                        : familyByName.get(entry.getValue()).getOrDefault(m.name, BATCH_FAMILY);
                family.put(m.key, f);
                families.putIfAbsent(m.name, f);
            }

            Comparator<String> byFamily = Comparator.<String>comparingInt(ApiCoverage::familyOrder)
                    .thenComparing(Comparator.naturalOrder());
            Map<String, int[]> counts = new TreeMap<>(byFamily); // family -> {valkey-glide, glide-jni}
            Map<String, Set<String>> missing = new TreeMap<>(byFamily);
            Set<String> differs = new TreeSet<>();
            for (Member m : gm.values()) {
                String f = family.get(m.key);
                int[] c = counts.computeIfAbsent(f, k -> new int[2]);
                c[0]++;
                Member mine = om.get(m.key);
                if (mine == null) {
                    missing.computeIfAbsent(f, k -> new TreeSet<>()).add(m.shown);
                } else {
                    c[1]++;
                    if (!mine.sig.equals(m.sig)) {
                        differs.add("- `" + m.shown + "` [" + f + "]\n  - valkey-glide: `" + shorten(m.sig)
                                + "`\n  - glide-jni: `" + shorten(mine.sig) + "`");
                    }
                }
            }
            Set<String> extras = new TreeSet<>();
            om.forEach((k, m) -> { if (!gm.containsKey(k)) extras.add(m.shown); });

            int nGlide = gm.size(), nOurs = nGlide - missing.values().stream().mapToInt(Set::size).sum();
            totalGlide += nGlide;
            totalOurs += nOurs;
            overview.append(row("`" + cls + "`", nGlide, nOurs));
            summary.append("### `").append(cls).append(o == null ? "` (not in glide-jni)" : "`").append("\n\n")
                    .append(TABLE_HEAD);
            counts.forEach((f, c) -> summary.append(row(f, c[0], c[1])));
            summary.append(row("**total**", nGlide, nOurs)).append('\n');

            details.append("### `").append(cls).append("`\n\n#### Missing (").append(nGlide - nOurs).append(")\n\n");
            missing.forEach((f, list) -> details.append("**").append(f).append("** (").append(list.size())
                    .append(")\n\n").append(bullets(list)).append('\n'));
            if (missing.isEmpty()) details.append("none\n\n");
            details.append("#### Signature differs (").append(differs.size()).append(")\n\n")
                    .append(differs.isEmpty() ? "none\n" : String.join("\n", differs) + "\n")
                    .append("\n#### Extras: in glide-jni, not in valkey-glide (").append(extras.size()).append(")\n\n")
                    .append(bullets(extras))
                    .append("\n#### Not counted: deprecated in valkey-glide, or its protobuf transport (").append(deprecated.size()).append(")\n\n")
                    .append(bullets(deprecated)).append('\n');
        }
        overview.append(row("**total**", totalGlide, totalOurs));

        String report = "# API coverage: glide-jni vs valkey-glide " + System.getProperty("glide.version", "") + "\n\n"
                + "Generated by `tools/api-coverage/run.sh` (see README.md there). Public methods are matched by"
                + " name + erased parameter types; deprecated methods, protobuf transport methods and `Object`'s are not counted.\n\n"
                + "## Overall\n\n" + TABLE_HEAD.replace("family", "class") + overview
                + "\n## Per family\n\n" + summary + "## Details\n\n" + details;
        System.out.print(report);
        Files.writeString(Path.of(args[2]), report);
    }

    static final String TABLE_HEAD = "| family | valkey-glide | glide-jni | coverage |\n|---|---:|---:|---:|\n";

    static String bullets(Collection<String> items) {
        return items.isEmpty() ? "none\n" : items.stream().map(i -> "- `" + i + "`\n").collect(Collectors.joining());
    }

    static ClassLoader loader(String classpath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classpath.split(File.pathSeparator)) {
            if (!p.isEmpty()) urls.add(new File(p).toURI().toURL());
        }
        // Parent = platform loader, so neither jar sees this tool's class path or the other jar.
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader); // no static initialisers (native libraries)
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Public non-bridge methods of c (none if c is null) but Object's, key -> member. Deprecated
     * ones (annotated, or taking/returning Transaction/ClusterTransaction) go to {@code deprecated}.
     */
    static Map<String, Member> members(Class<?> c, Set<String> deprecated) {
        Map<String, Member> out = new TreeMap<>();
        if (c == null) return out;
        Map<TypeVariable<?>, Type> env = typeArguments(c);
        for (Method m : c.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isBridge() || m.isSynthetic()) continue;
            String key = m.getName() + Arrays.stream(m.getParameterTypes())
                    .map(Class::getTypeName).collect(Collectors.joining(", ", "(", ")"));
            String shown = shorten(m.getName() + join(m.getGenericParameterTypes(), env, ", ", "(", ")"));
            if (m.isAnnotationPresent(Deprecated.class) || usesDeprecatedClass(m)) {
                deprecated.add(shown);
            } else {
                out.putIfAbsent(key, new Member(key, shown, m.getName(), signature(env, m), m));
            }
        }
        return out;
    }

    /**
     * Takes or returns a deprecated class, or one of valkey-glide's protobuf wire types (package
     * {@code command_request}, e.g. {@code BaseBatch.getProtobufBatch()}): its transport, not API.
     */
    static boolean usesDeprecatedClass(Method m) {
        return Arrays.stream(m.getParameterTypes()).anyMatch(p -> notCountedType(p))
                || notCountedType(m.getReturnType());
    }

    static boolean notCountedType(Class<?> c) {
        return DEPRECATED_CLASSES.contains(c.getName()) || c.getName().startsWith("command_request.");
    }

    /**
     * Modifiers, type parameters, generic return and parameter types: what "signature differs"
     * compares, with the type variables in env replaced by their values.
     */
    static String signature(Map<TypeVariable<?>, Type> env, Method m) {
        String tparams = Arrays.stream(m.getTypeParameters()).map(v -> v.getName()
                        + (Arrays.equals(v.getBounds(), new Type[] {Object.class}) ? ""
                                : " extends " + join(v.getBounds(), env, " & ", "", "")))
                .collect(Collectors.joining(", ", "<", "> "));
        String params = join(m.getGenericParameterTypes(), env, ", ", "(", ")");
        if (m.isVarArgs()) params = params.replaceFirst("\\[\\]\\)$", "...)");
        return (Modifier.isStatic(m.getModifiers()) ? "static " : "") + (tparams.equals("<> ") ? "" : tparams)
                + typeName(m.getGenericReturnType(), env) + " " + m.getName() + params;
    }

    /**
     * The values of c's superclasses' type variables for c: Batch extends BaseBatch<Batch>, so
     * BaseBatch's T is Batch there and its inherited {@code T set(...)} is {@code Batch set(...)}.
     */
    static Map<TypeVariable<?>, Type> typeArguments(Class<?> c) {
        Map<TypeVariable<?>, Type> env = new HashMap<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getGenericSuperclass() instanceof ParameterizedType p) {
                TypeVariable<?>[] vars = ((Class<?>) p.getRawType()).getTypeParameters();
                for (int i = 0; i < vars.length; i++) env.put(vars[i], p.getActualTypeArguments()[i]);
            }
        }
        return env;
    }

    static String typeName(Type t, Map<TypeVariable<?>, Type> env) {
        if (t instanceof TypeVariable<?> v && env.containsKey(v)) return typeName(env.get(v), env);
        if (t instanceof ParameterizedType p) {
            return typeName(p.getRawType(), env) + join(p.getActualTypeArguments(), env, ", ", "<", ">");
        }
        if (t instanceof GenericArrayType a) return typeName(a.getGenericComponentType(), env) + "[]";
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) return "? super " + join(w.getLowerBounds(), env, " & ", "", "");
            if (w.getUpperBounds()[0] == Object.class) return "?";
            return "? extends " + join(w.getUpperBounds(), env, " & ", "", "");
        }
        return t.getTypeName();
    }

    static String join(Type[] types, Map<TypeVariable<?>, Type> env, String sep, String open, String close) {
        return Arrays.stream(types).map(t -> typeName(t, env)).collect(Collectors.joining(sep, open, close));
    }

    /** For display: drops package names (java.util.Map -> Map) and writes nested classes as Outer.Inner. */
    static String shorten(String s) {
        return s.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }

    /** The family of the glide.api.commands interface declaring m, or "client" if none does. */
    static String familyOf(Class<?> c, Method m) {
        for (Class<?> i : interfaces(c)) {
            if (!i.getPackageName().equals("glide.api.commands")) continue; // servermodules etc.
            try {
                i.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                continue;
            }
            return FAMILIES.entrySet().stream().filter(e -> i.getSimpleName().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(i.getSimpleName());
        }
        return CLIENT_FAMILY;
    }

    /** All interfaces of c and its superclasses, transitively, nearest first. */
    static List<Class<?>> interfaces(Class<?> c) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) todo.addAll(List.of(k.getInterfaces()));
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (seen.add(i)) todo.addAll(List.of(i.getInterfaces()));
        }
        return new ArrayList<>(seen);
    }

    static int familyOrder(String f) {
        int i = new ArrayList<>(FAMILIES.values()).indexOf(f);
        return i >= 0 ? i : f.equals(CLIENT_FAMILY) ? 100 : f.equals(BATCH_FAMILY) ? 101 : 99;
    }

    static String row(String family, int glide, int ours) {
        return "| " + family + " | " + glide + " | " + ours + " | " + pct(ours, glide) + " |\n";
    }

    static String pct(int part, int whole) {
        if (whole == 0) return "-";
        long p = Math.round(100.0 * part / whole); // but never 0% for some, or 100% for not all
        return (part > 0 && p == 0 ? "<1" : part < whole && p == 100 ? ">99" : String.valueOf(p)) + "%";
    }
}
