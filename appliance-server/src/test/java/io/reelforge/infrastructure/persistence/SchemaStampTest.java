package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The digest that lets a start skip Liquibase: on real Derby and PostgreSQL, none before the first migration (the
 * table is not there yet, and asking does not spoil the connection), the recorded one after it; and a digest that
 * moves with any change to the changelog's files.
 */
class SchemaStampTest {

    private static final String MASTER = SchemaMigrations.MASTER_CHANGELOG;

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void theDigestIsRecordedAfterAMigrationAndOnlyThen(String kind) throws Exception {
        try (SchemaMatchesEntitiesTest.TestDatabase db = kind.equals("derby")
                ? SchemaMatchesEntitiesTest.TestDatabase.derby() : SchemaMatchesEntitiesTest.TestDatabase.postgresql();
             Connection c = db.connect()) {
            String digest = SchemaStamp.ofChangelog(getClass().getClassLoader(), MASTER);
            assertEquals(Optional.empty(), SchemaStamp.recorded(c), "a database never migrated");
            c.setAutoCommit(false);
            assertEquals(Optional.empty(), SchemaStamp.recorded(c), "the same inside a transaction");
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT 1 FROM (VALUES (1)) AS T(X)").close();   // the transaction still works
            }
            c.commit();
            c.setAutoCommit(true);

            assertTrue(SchemaMigrations.update(c) > 0);
            assertEquals(Optional.empty(), SchemaStamp.recorded(c), "the table, no row yet");
            SchemaStamp.record(c, digest, "test");
            assertEquals(Optional.of(digest), SchemaStamp.recorded(c));
            SchemaStamp.record(c, "0".repeat(64), "a later version");
            assertEquals(Optional.of("0".repeat(64)), SchemaStamp.recorded(c), "one row, replaced");
            assertEquals(0, SchemaMigrations.update(c), "nothing to run: what the stamp stands for");
        }
    }

    @Test
    void theDigestChangesWithAnyFileOfTheChangelog(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("db/changelog");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("db.changelog-master.xml"), """
                <databaseChangeLog>
                    <include file="0001-a.xml" relativeToChangelogFile="true"/>
                    <include file="0002-b.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>""");
        Files.writeString(folder.resolve("0001-a.xml"), "<changeSet id=\"a\"/>");
        Files.writeString(folder.resolve("0002-b.xml"), "<changeSet id=\"b\"/>");
        String first = digest(dir);
        assertEquals(64, first.length());
        assertEquals(first, digest(dir), "the same files, the same digest");

        Files.writeString(folder.resolve("0002-b.xml"), "<changeSet id=\"b\" author=\"edited\"/>");
        String edited = digest(dir);
        assertNotEquals(first, edited, "an included file edited");

        Files.writeString(folder.resolve("0003-c.xml"), "<changeSet id=\"c\"/>");
        assertEquals(edited, digest(dir), "a file the master does not include is no part of it");
        Files.writeString(folder.resolve("db.changelog-master.xml"), """
                <databaseChangeLog>
                    <include file="0001-a.xml" relativeToChangelogFile="true"/>
                    <include file="0002-b.xml" relativeToChangelogFile="true"/>
                    <include file="0003-c.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>""");
        assertNotEquals(edited, digest(dir), "a change set file added to the master");

        Files.delete(folder.resolve("0003-c.xml"));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> digest(dir));
        assertTrue(missing.getMessage().contains("0003-c.xml"), missing.getMessage());

        Files.writeString(folder.resolve("db.changelog-master.xml"), "<databaseChangeLog><includeAll path=\"x/\"/></databaseChangeLog>");
        assertThrows(IllegalStateException.class, () -> digest(dir), "a master it cannot follow is refused");
    }

    private static String digest(Path root) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return SchemaStamp.ofChangelog(loader, MASTER);
        }
    }
}
