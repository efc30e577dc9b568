package io.reelforge.infrastructure.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to run on a schema this build cannot work with. A change set that older nodes cannot tolerate
 * carries the Liquibase label {@code min-node-level-N}; a node whose own level is below the highest N recorded in
 * {@code DATABASECHANGELOG} (a newer node migrated the database) stops at start-up and says why, instead of
 * writing rows it does not understand. Additive change sets carry no higher level, so nodes upgrade one at a time.
 */
final class SchemaLevel {

    private static final Pattern LEVEL = Pattern.compile("min-node-level-(\\d+)");

    private SchemaLevel() {
    }

    static void check(Connection c, int nodeLevel, String nodeVersion) throws SQLException {
        List<String> tooNew = new ArrayList<>();
        int required = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, LABELS FROM DATABASECHANGELOG WHERE LABELS IS NOT NULL")) {
            while (rs.next()) {
                Matcher m = LEVEL.matcher(rs.getString(2));
                while (m.find()) {
                    int level = Integer.parseInt(m.group(1));
                    required = Math.max(required, level);
                    if (level > nodeLevel) {
                        tooNew.add(rs.getString(1));
                    }
                }
            }
        }
        if (required > nodeLevel) {
            throw new IllegalStateException("the database schema needs nodes of schema level " + required
                    + " or later (change set(s) " + String.join(", ", tooNew) + ", run by a newer Reelforge), and this node"
                    + " (version " + nodeVersion + ") is level " + nodeLevel + ": upgrade this node to the version the"
                    + " other nodes run before starting it (docs/database.md)");
        }
    }
}
