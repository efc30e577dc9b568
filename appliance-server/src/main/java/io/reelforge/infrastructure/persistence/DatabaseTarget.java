package io.reelforge.infrastructure.persistence;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.reelforge.infrastructure.config.EarlyConfig;

/**
 * Which database the appliance runs on: embedded Derby under {@code <data dir>/db} unless
 * {@code reelforge.db.url} names a PostgreSQL server ({@code jdbc:postgresql://host:5432/reelforge}), reached as
 * {@code reelforge.db.user} with {@code reelforge.db.password}. The password is kept out of every string this
 * class makes.
 */
public final class DatabaseTarget {

    static final String URL = "reelforge.db.url";
    static final String USER = "reelforge.db.user";
    static final String PASSWORD = "reelforge.db.password";

    private final Optional<String> url;
    private final Path derbyPath;

    private DatabaseTarget(Optional<String> url, Path derbyPath) {
        this.url = url;
        this.derbyPath = derbyPath;
    }

    /** Read on each call: the settings in force now (system properties, environment, properties file). */
    public static DatabaseTarget configured() {
        Optional<String> url = EarlyConfig.get(URL);
        url.filter(u -> !u.startsWith("jdbc:postgresql:")).ifPresent(u -> {
            throw new IllegalStateException(URL + " must be a jdbc:postgresql:// URL (leave it empty for the embedded"
                    + " Derby database), not " + u.split("[?;]", 2)[0]);
        });
        Path dataDir = Path.of(EarlyConfig.get("reelforge.data-dir").orElse("./data")).toAbsolutePath().normalize();
        return new DatabaseTarget(url, dataDir.resolve("db"));
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    /** The embedded database's folder (meaningful only when {@link #embedded()}). */
    public Path derbyPath() {
        return derbyPath;
    }

    DataSource dataSource() {
        if (embedded()) {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName(derbyPath.toString());
            derby.setCreateDatabase("create");
            return derby;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url.get());
        EarlyConfig.get(USER).ifPresent(pg::setUser);
        EarlyConfig.get(PASSWORD).ifPresent(pg::setPassword);
        pg.setApplicationName("reelforge");
        return pg;
    }

    /** For the log: where, without credentials or URL parameters. */
    @Override
    public String toString() {
        return url.map(u -> "PostgreSQL " + u.split("[?;]", 2)[0] + EarlyConfig.get(USER).map(x -> " as " + x).orElse(""))
                .orElse("embedded Derby " + derbyPath);
    }
}
