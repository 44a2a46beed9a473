import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The whole public surface, beyond the four classes ApiCoverage counts: every public class,
 * interface and enum valkey-glide's jar has under {@code glide.api} and {@code glide.utils}, with
 * its supertypes, public fields (constants such as {@code BaseClient.OK}), constructors and methods
 * (generic signatures), and whether glide-jni's jar has the same. Usage: ApiSurface GLIDE_CP OUR_CP
 * REPORT_FILE; the first entry of each class path is the jar whose classes are listed.
 */
public class ApiSurface {
    private static final String[] PACKAGES = {"glide/api/", "glide/utils/"};

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ApiSurface GLIDE_CLASSPATH OUR_CLASSPATH REPORT_FILE");
            System.exit(2);
        }
        ClassLoader glideLoader = loader(args[0]), ourLoader = loader(args[1]);
        Map<String, Class<?>> glide = publicClasses(args[0].split(File.pathSeparator)[0], glideLoader);
        Map<String, Class<?>> ours = publicClasses(args[1].split(File.pathSeparator)[0], ourLoader);
        Map<String, List<String>> missingClassesByPackage = new TreeMap<>();
        Map<String, List<String>> missingMembers = new TreeMap<>();
        int members = 0, missing = 0;
        for (Map.Entry<String, Class<?>> e : glide.entrySet()) {
            String name = e.getKey();
            Class<?> mine = ours.get(name);
            if (mine == null) {
                String pkg = name.substring(0, name.lastIndexOf('.'));
                missingClassesByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(name.substring(pkg.length() + 1));
                continue;
            }
            Set<String> theirs = surface(e.getValue()), mineSurface = surface(mine);
            members += theirs.size();
            for (String m : theirs) {
                if (!mineSurface.contains(m)) {
                    missingMembers.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
                    missing++;
                }
            }
        }
        int missingClasses = missingClassesByPackage.values().stream().mapToInt(List::size).sum();
        StringBuilder out = new StringBuilder();
        out.append("# Public API surface: glide-jni vs valkey-glide ").append(System.getProperty("glide.version", "2.3.1")).append("\n\n");
        out.append("Written by `tools/api-coverage/run.sh` (`ApiSurface.java`): every public type of valkey-glide's jar under ")
                .append("`glide.api` and `glide.utils`, with its supertypes, public fields, constructors and methods ")
                .append("(generic signatures, inherited ones included).\n\n");
        out.append("| | valkey-glide | present in glide-jni |\n|---|---:|---:|\n");
        out.append("| public types | ").append(glide.size()).append(" | ").append(glide.size() - missingClasses).append(" |\n");
        out.append("| members of the types both have | ").append(members).append(" | ").append(members - missing).append(" |\n\n");
        out.append("## Types glide-jni does not have\n\n");
        if (missingClassesByPackage.isEmpty()) {
            out.append("None.\n");
        }
        for (Map.Entry<String, List<String>> e : missingClassesByPackage.entrySet()) {
            out.append("- `").append(e.getKey()).append("` (").append(e.getValue().size()).append("): ");
            out.append(String.join(", ", e.getValue().stream().map(s -> "`" + s + "`").toArray(String[]::new))).append("\n");
        }
        out.append("\n## Members missing or with another signature\n\n");
        if (missingMembers.isEmpty()) {
            out.append("None.\n");
        }
        for (Map.Entry<String, List<String>> e : missingMembers.entrySet()) {
            out.append("- `").append(e.getKey()).append("`\n");
            for (String m : e.getValue()) {
                out.append("  - `").append(m).append("`\n");
            }
        }
        System.out.print(out);
        Files.writeString(Path.of(args[2]), out.toString());
    }

    static ClassLoader loader(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : classPath.split(File.pathSeparator)) {
            urls.add(new File(p).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** The public top-level and nested types in the listed packages (classes not initialised). */
    static Map<String, Class<?>> publicClasses(String jar, ClassLoader loader) throws Exception {
        Map<String, Class<?>> out = new TreeMap<>();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String entry = entries.nextElement().getName();
                if (!entry.endsWith(".class") || Arrays.stream(PACKAGES).noneMatch(entry::startsWith)) {
                    continue;
                }
                String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                Class<?> c;
                try {
                    c = Class.forName(name, false, loader);
                } catch (Throwable notLoadable) {
                    continue; // a class needing a dependency that is not on the class path
                }
                if (isPublic(c)) {
                    out.put(name, c);
                }
            }
        }
        return out;
    }

    static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return !c.isSynthetic() && !c.isAnonymousClass();
    }

    /** One line per supertype, public field, constructor and method (not Object's, not bridges). */
    static Set<String> surface(Class<?> c) {
        Set<String> s = new TreeSet<>();
        if (c.getGenericSuperclass() != null && c.getSuperclass() != Object.class && !c.isEnum()) {
            s.add("extends " + c.getGenericSuperclass().getTypeName());
        }
        for (Type i : c.getGenericInterfaces()) {
            s.add("implements " + i.getTypeName());
        }
        for (Field f : c.getFields()) {
            s.add(statik(f.getModifiers()) + f.getGenericType().getTypeName() + " " + f.getName());
        }
        for (Constructor<?> k : c.getConstructors()) {
            s.add(c.getSimpleName() + params(k.getGenericParameterTypes()));
        }
        for (Method m : c.getMethods()) {
            if (m.getDeclaringClass() == Object.class || m.isBridge() || m.isSynthetic()) {
                continue;
            }
            s.add(statik(m.getModifiers()) + m.getGenericReturnType().getTypeName() + " " + m.getName()
                    + params(m.getGenericParameterTypes()));
        }
        return s;
    }

    static String statik(int modifiers) {
        return Modifier.isStatic(modifiers) ? "static " : "";
    }

    static String params(Type[] types) {
        return "(" + String.join(", ", Arrays.stream(types).map(Type::getTypeName).toArray(String[]::new)) + ")";
    }
}
