package io.reelforge.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digest of the changelog that the database's last complete migration ran (RF_SCHEMA_STAMP, change set 0019).
 * When it equals this build's, nothing in the changelog is new to the database and the start needs no Liquibase:
 * Liquibase would parse every change set and read DATABASECHANGELOG twice to find that out. Any other case (a new
 * or edited change set, a database another version migrated, a table not there yet) runs Liquibase as before, with
 * its lock and its checksum validation, and records the digest after it succeeded.
 */
final class SchemaStamp {

    /** The master's includes; it has no other kind (a changelog it cannot read fully is refused, not half-hashed). */
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"\\s+relativeToChangelogFile=\"true\"\\s*/>");

    private SchemaStamp() {
    }

    /** SHA-256 over the master changelog and every file it includes, in order, each with its name. */
    static String ofChangelog(ClassLoader loader, String master) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String masterText = new String(add(sha, loader, master), StandardCharsets.UTF_8);
            String folder = master.substring(0, master.lastIndexOf('/') + 1);
            Matcher m = INCLUDE.matcher(masterText);
            int includes = 0;
            while (m.find()) {
                add(sha, loader, folder + m.group(1));
                includes++;
            }
            if (includes == 0 || masterText.contains("<includeAll")) {
                throw new IllegalStateException(master + ": expected <include file=\"...\" relativeToChangelogFile=\"true\"/> only");
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] add(MessageDigest sha, ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("changelog file missing: " + name);
            }
            byte[] bytes = in.readAllBytes();
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
            sha.update((byte) 0);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("changelog file unreadable: " + name, e);
        }
    }

    /** The digest recorded by the last complete migration; empty where none was (or the table is not there yet). */
    static Optional<String> recorded(Connection c) throws SQLException {
        if (!TableMissing.exists(c, "RF_SCHEMA_STAMP")) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT CHANGELOGSHA256 FROM RF_SCHEMA_STAMP WHERE ID = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Records the digest of the changelog a migration has just completed (its own commit). */
    static void record(Connection c, String digest, String recordedBy) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            String now = Instant.now().toString();
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE RF_SCHEMA_STAMP SET CHANGELOGSHA256 = ?, RECORDEDAT = ?, RECORDEDBY = ? WHERE ID = 1")) {
                up.setString(1, digest);
                up.setString(2, now);
                up.setString(3, recordedBy);
                if (up.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement in = c.prepareStatement(
                    "INSERT INTO RF_SCHEMA_STAMP (ID, CHANGELOGSHA256, RECORDEDAT, RECORDEDBY) VALUES (1, ?, ?, ?)")) {
                in.setString(1, digest);
                in.setString(2, now);
                in.setString(3, recordedBy);
                in.executeUpdate();
            } catch (SQLException e) {
                // Another node recorded it between our update and insert: it ran the same or a newer changelog.
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
