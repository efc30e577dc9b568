package io.reelforge.it;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/** A fresh PostgreSQL database on the machine's server for one test class (createdb), dropped afterwards. */
final class ItDatabase {

    static final String HOST = System.getProperty("reelforge.it.postgresql.host", "127.0.0.1");
    static final String USER = System.getProperty("reelforge.it.postgresql.user", "postgres");

    private ItDatabase() {
    }

    /** Creates {@code <prefix><random>} and answers its name; the test is skipped when no server answers. */
    static String create(String prefix) throws Exception {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Assumptions.assumeTrue(run("createdb", "-h", HOST, "-U", USER, name) == 0,
                "no PostgreSQL server at " + HOST + " to create a database on");
        return name;
    }

    static void drop(String name) throws Exception {
        if (name != null) {
            run("dropdb", "-h", HOST, "-U", USER, "--if-exists", "--force", name);
        }
    }

    static String url(String name) {
        return "jdbc:postgresql://" + HOST + ":5432/" + name;
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
