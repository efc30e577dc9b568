package io.reelforge.it;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order the black-box classes are handed to the parallel run in: the classes with appliances of their own, longest
 * first (their times in a parallel run, 2026-12-06: 328 s down to 32 s), then the rest. JUnit forks the concurrent
 * ones in this order and the other workers take the oldest forked first, so the long ones start at once and none
 * starts last to keep the run waiting alone; meanwhile the thread that forked them runs the shared appliance's lane
 * ({@link SharedAppliance}), then helps with what is left, newest first.
 */
public final class LongestFirst implements ClassOrderer {

    /** Slowest first; a class not named here comes after them, by name. */
    static final List<String> SLOWEST = List.of(
            "ConsoleIT", "ConsoleOpsIT", "ClusterIT", "RemoteEngineIT", "SharedStateIT", "ModelsIT", "RestartIT",
            "DirectoryIT", "BootIT", "PostgresqlIT", "SchedulingIT", "HttpsIT");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor d) -> rank(d.getTestClass().getSimpleName()))
                .thenComparing(d -> d.getTestClass().getSimpleName()));
    }

    private static int rank(String simpleName) {
        int i = SLOWEST.indexOf(simpleName);
        return i < 0 ? SLOWEST.size() : i;
    }
}
