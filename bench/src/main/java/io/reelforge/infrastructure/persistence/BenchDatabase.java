package io.reelforge.infrastructure.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the benches on the appliance's repositories share: a Derby database in an emptied folder, the persistence unit. */
final class BenchDatabase {

    private BenchDatabase() {
    }

    /** Empties the folder (made if missing), sends Derby's log there and answers the URL of a database to create in it. */
    static String derbyIn(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        return "jdbc:derby:" + dir.resolve("db") + ";create=true";
    }

    /** The appliance's persistence unit on that database, outside a container (no JTA, no data source). */
    static Map<String, Object> unit(String url, String user, String session) {
        Map<String, Object> unit = new HashMap<>();
        unit.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        unit.put("jakarta.persistence.jtaDataSource", "");
        unit.put("jakarta.persistence.jdbc.url", url);
        unit.put("jakarta.persistence.jdbc.user", user);
        unit.put("jakarta.persistence.jdbc.password", "");
        unit.put("eclipselink.target-server", "None");
        unit.put("eclipselink.logging.level", "WARNING");
        unit.put("eclipselink.session-name", session);
        return unit;
    }
}
