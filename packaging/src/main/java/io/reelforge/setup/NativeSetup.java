package io.reelforge.setup;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Run by the installer: unpacks the JavaCV/FFmpeg, libtorch and tokenizers natives into the install tree with
 * the very loaders the appliance uses at run time (so the layout is theirs, not a guess), and the appliance then
 * finds them there read-only instead of unpacking into {@code $HOME} at its first start.
 *
 * <p>Usage: {@code java -jar reelforge-setup.jar <reelforge.jar> <natives dir> <extra jar>...}; the extra jars
 * are further native jars to load with the bundle's (none today: the bundle carries the CPU libtorch). With
 * {@code -DPYTORCH_LIBRARY_PATH} (the installer's {@code --libtorch}) DJL loads that libtorch instead and only the
 * JNI binding of its flavor is unpacked. With {@code --verify} first
 * (and the launcher's system properties, without the extra jars) it loads the natives the way the appliance
 * will, offline, and fails if any of them would have to be unpacked or downloaded again.
 */
public final class NativeSetup {

    private NativeSetup() {
    }

    public static void main(String[] args) throws Exception {
        boolean verify = args.length > 0 && "--verify".equals(args[0]);
        int first = verify ? 1 : 0;
        if (args.length < first + 2) {
            System.err.println("usage: NativeSetup [--verify] <reelforge.jar> <natives dir> [native jar...]");
            System.exit(2);
        }
        Path natives = Path.of(args[first + 1]).toAbsolutePath();
        Path work = Files.createTempDirectory("reelforge-setup");
        try {
            List<URL> urls = extractWarLibraries(Path.of(args[first]), work);
            for (int i = first + 2; i < args.length; i++) {
                urls.add(Path.of(args[i]).toUri().toURL());
            }
            if (!verify) {
                System.setProperty("org.bytedeco.javacpp.cachedir", natives.resolve("javacpp").toString());
                System.setProperty("ENGINE_CACHE_DIR", natives.resolve("djl").toString());
                System.setProperty("ai.djl.offline", "true");
            }
            System.setProperty("DJL_CACHE_DIR", work.resolve("djl-cache").toString());
            long before = count(natives);
            try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                Thread.currentThread().setContextClassLoader(loader);
                call(loader, "org.bytedeco.javacv.FFmpegFrameRecorder", "tryLoad");
                System.out.println("ffmpeg: unpacked under " + natives.resolve("javacpp"));
                Object engine = call(loader, "ai.djl.engine.Engine", "getEngine", "PyTorch");
                Object version = engine.getClass().getMethod("getVersion").invoke(engine);
                Object libtorch = call(loader, "ai.djl.pytorch.jni.LibUtils", "getLibtorchPath");
                System.out.println("libtorch: " + version + " loaded from " + libtorch + ", its binding under "
                        + natives.resolve("djl"));
                call(loader, "ai.djl.huggingface.tokenizers.jni.LibUtils", "checkStatus");
                System.out.println("tokenizers: unpacked under " + natives.resolve("djl"));
            }
            if (verify && count(natives) != before) {
                throw new IllegalStateException("the natives under " + natives + " were not complete: loading them wrote "
                        + (count(natives) - before) + " file(s)");
            }
        } finally {
            deleteTree(work);
        }
    }

    private static Object call(ClassLoader loader, String type, String method, Object... args) throws Exception {
        Class<?> c = Class.forName(type, true, loader);
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        Method m = c.getMethod(method, types);
        return m.invoke(null, args);
    }

    /**
     * The libraries the appliance loads: the server's (the uber jar's {@code MICRO-INF/lib}, where the bundle puts
     * the libraries that need no scan, the native ones among them) and the WAR's {@code WEB-INF/lib}, copied out so a
     * class loader can read them.
     */
    private static List<URL> extractWarLibraries(Path uberJar, Path work) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (ZipFile zip = new ZipFile(uberJar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (name.startsWith("MICRO-INF/lib/") && name.endsWith(".jar") && name.indexOf('/', 14) < 0) {
                    Path jar = work.resolve(name.substring(14));
                    try (var in = zip.getInputStream(e)) {
                        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                    }
                    urls.add(jar.toUri().toURL());
                }
            }
            ZipEntry war = zip.getEntry("MICRO-INF/deploy/ROOT.war");
            if (war == null) {
                throw new IOException(uberJar + " holds no MICRO-INF/deploy/ROOT.war");
            }
            try (ZipInputStream in = new ZipInputStream(zip.getInputStream(war))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    String name = e.getName();
                    if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar") && name.indexOf('/', 12) < 0) {
                        Path jar = work.resolve(name.substring(12));
                        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        }
        return urls;
    }

    private static long count(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.count();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
