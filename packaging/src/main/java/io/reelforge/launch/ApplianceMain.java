package io.reelforge.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.PayaraMicroBoot;
import fish.payara.micro.boot.PayaraMicroLauncher;

/**
 * The bundle's entry point (the Main-Class of reelforge.jar): Payara Micro's own start, then a check that the
 * appliance is deployed. Payara Micro's main logs a start that fails (a port already taken, say) and returns with
 * its threads still running, and a deployment that fails leaves a server with no application (every route 404,
 * health 503, queued jobs never run): in both cases a live process that neither systemd nor an orchestrator restarts.
 * Here both end the process with status {@value #FAILED}, the status the application's own failed start uses
 * ({@code FatalStart}), so {@code Restart=on-failure} restarts it and {@code make run} says so.
 */
public final class ApplianceMain {

    /** The exit status of a start that did not end with the appliance deployed. */
    static final int FAILED = 3;
    /** The name Payara Micro gives the bundled ROOT.war. */
    static final String APPLICATION = "ROOT";
    private static final String ROOT_DIR_LAUNCHER = "fish.payara.micro.impl.RootDirLauncher";
    private static final String MICRO_IMPL = "fish.payara.micro.impl.PayaraMicroImpl";
    private static final String BOOT_PROPERTIES = "fish.payara.micro.boot.loader.Launcher";
    /**
     * Hazelcast, Payara's data grid, reports the install (its version, the member's id, the cluster's size and
     * more) to phonehome.hazelcast.com at every start and then daily, unless told not to; Payara's
     * {@code --disablephonehome} stops only Payara's own report. An appliance inside a company's network sends
     * nothing out of it unasked (and gathering the report cost about 0.4 s of CPU at each start).
     */
    static final String HAZELCAST_PHONE_HOME = "hazelcast.phone.home.enabled";

    private ApplianceMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty(HAZELCAST_PHONE_HOME) == null) {
            System.setProperty(HAZELCAST_PHONE_HOME, "false");
        }
        if (onRootDir()) {
            mainOnRootDir(args);
            return;
        }
        PayaraMicroBoot boot;
        try {
            boot = PayaraMicroLauncher.create(args);
        } catch (Exception e) {
            fail("the server did not start: " + reason(e));
            return;
        }
        Collection<String> deployed;
        try {
            deployed = boot.getRuntime().getDeployedApplicationNames();
        } catch (IllegalStateException notRunning) {
            return; // an option that starts no server (--outputUberJar, --warmup) has done its work
        }
        requireDeployed(deployed);
    }

    /**
     * Started from a Payara Micro root directory (the installed launcher's way: {@code installer/common.sh},
     * {@code rf_micro_root}), this class is the main class of the release's {@code reelforge-launch.jar}, which is
     * Payara's launcher jar for the uber jar: its class path names the root's runtime jars, so Payara Micro's classes
     * come from the application class loader, which is what lets an AOT cache hold them. The start is what Payara's
     * {@code RootDirLauncher} does (the boot properties of the root's {@code config/payara-boot.properties}, then
     * Payara Micro on that root), with the root found another way: RootDirLauncher takes the directory of the jar
     * its own classes came from, and a class mapped from an AOT cache keeps the code source it had when the cache was
     * recorded, so a root started with another root's cache would run in that other root. Here the root is the one
     * named by {@code --rootdir}, else the directory of the jar this JVM was started with ({@link #rootDir}). The same
     * check follows.
     */
    static boolean onRootDir() {
        try {
            Class.forName(ROOT_DIR_LAUNCHER, false, ApplianceMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException uberJar) {
            return false; // the uber jar keeps Payara's classes in MICRO-INF/runtime, behind its own class loader
        }
    }

    private static void mainOnRootDir(String[] args) {
        for (String a : args) {
            if (a.equalsIgnoreCase("--addlibs") || a.equalsIgnoreCase("--addjars") || a.equalsIgnoreCase("--outputlauncher")) {
                fail(a + " cannot be given to a start from a root directory's launcher (it is for the uber jar)");
                return;
            }
        }
        Path launcher = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
        Path root = rootDir(args, launcher);
        try {
            System.setProperty("fish.payara.micro.BootJar", launcher.toUri().toString());
            System.setProperty("fish.payara.micro.UnpackDir", root.toString());
            try (InputStream boot = Files.newInputStream(root.resolve("config").resolve("payara-boot.properties"))) {
                Class.forName(BOOT_PROPERTIES).getMethod("setPayaraBootProperties", InputStream.class).invoke(null, boot);
            }
            Class.forName(MICRO_IMPL).getMethod("main", String[].class).invoke(null, (Object) withRootDir(args, root));
        } catch (InvocationTargetException e) {
            fail("the server did not start: " + reason(e.getCause()));
            return;
        } catch (ReflectiveOperationException | IOException e) {
            fail("the server did not start: " + reason(e));
            return;
        }
        Collection<String> deployed;
        try {
            Object micro = Class.forName(MICRO_IMPL).getMethod("getInstance").invoke(null);
            PayaraMicroRuntime runtime = (PayaraMicroRuntime) micro.getClass().getMethod("getRuntime").invoke(micro);
            deployed = runtime.getDeployedApplicationNames();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalStateException) {
                return; // an option that starts no server (--warmup) has done its work
            }
            fail("the server did not start: " + reason(e.getCause()));
            return;
        } catch (ReflectiveOperationException e) {
            fail("the server did not start: " + reason(e));
            return;
        }
        requireDeployed(deployed);
    }

    /**
     * The Payara Micro root a launcher start runs in: the {@code --rootdir} given (several appliances may start from
     * one root's launcher and runtime, each with a root of its own for its domain, logs and deployed application,
     * as the black-box tests do), else the directory of the launcher jar the JVM was started with.
     */
    static Path rootDir(String[] args, Path launcher) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equalsIgnoreCase("--rootdir")) {
                return Path.of(args[i + 1]).toAbsolutePath();
            }
        }
        return launcher.getParent();
    }

    /** The arguments with {@code --rootdir root}, added when absent. */
    static String[] withRootDir(String[] args, Path root) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.equalsIgnoreCase("--rootdir"))) {
            all.add("--rootdir");
            all.add(root.toString());
        }
        return all.toArray(String[]::new);
    }

    /** A start that does not end with the application deployed ends the process (status {@link #FAILED}). */
    private static void requireDeployed(Collection<String> deployed) {
        if (!deployed.contains(APPLICATION)) {
            fail("the application did not deploy (deployed: " + deployed + "); the log above says why");
        }
    }

    /** The first message along the causes (Payara's own exception often has none), else the innermost type. */
    static String reason(Throwable e) {
        Throwable last = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            last = t;
        }
        return last.getClass().getName() + " (the log above says more)";
    }

    private static void fail(String why) {
        System.err.println("Reelforge could not start: " + why + "; the process exits with status " + FAILED);
        System.exit(FAILED);
    }
}
