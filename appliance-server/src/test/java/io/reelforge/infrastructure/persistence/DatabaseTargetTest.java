package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTargetTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        for (String k : new String[] {DatabaseTarget.URL, DatabaseTarget.USER, DatabaseTarget.PASSWORD,
                "reelforge.data-dir", "reelforge.config-file"}) {
            System.clearProperty(k);
        }
    }

    @Test
    void embeddedDerbyUnderTheDataDirByDefault() throws Exception {
        System.setProperty("reelforge.data-dir", tmp.toString());
        DatabaseTarget t = DatabaseTarget.configured();
        assertTrue(t.embedded());
        assertEquals(tmp.resolve("db"), t.derbyPath());
        try (Connection c = new ApplianceDataSource().getConnection()) {
            assertEquals("Apache Derby", c.getMetaData().getDatabaseProductName());
        }
        assertTrue(Files.isDirectory(tmp.resolve("db")), "created on first use");
    }

    @Test
    void theDataDirAndPasswordMayComeFromThePropertiesFile() throws Exception {
        Path file = tmp.resolve("reelforge.properties");
        Files.writeString(file, "reelforge.data-dir=" + tmp.resolve("d") + "\nreelforge.db.url=jdbc:postgresql://db.internal:5432/rf?ssl=true\n"
                + "reelforge.db.user=rf\nreelforge.db.password=s3cret-pw\n");
        System.setProperty("reelforge.config-file", file.toString());
        DatabaseTarget t = DatabaseTarget.configured();
        assertFalse(t.embedded());
        assertEquals(tmp.resolve("d").resolve("db"), t.derbyPath());
        String shown = t.toString();
        assertEquals("PostgreSQL jdbc:postgresql://db.internal:5432/rf as rf", shown);
        assertFalse(shown.contains("s3cret"));
    }

    @Test
    void anotherDatabaseIsRefusedByName() {
        System.setProperty(DatabaseTarget.URL, "jdbc:mysql://db:3306/rf?password=hunter2");
        IllegalStateException e = assertThrows(IllegalStateException.class, DatabaseTarget::configured);
        assertTrue(e.getMessage().contains("must be a jdbc:postgresql:// URL"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "URL parameters (credentials) are not repeated");
    }
}
