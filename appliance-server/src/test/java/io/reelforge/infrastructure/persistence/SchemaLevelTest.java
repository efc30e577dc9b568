package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SchemaLevelTest {

    @Test
    void aNodeBelowTheHighestLevelRecordedIsRefusedAndToldWhy() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:rf-level-" + UUID.randomUUID() + ";create=true");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255), LABELS VARCHAR(255))");
            st.execute("INSERT INTO DATABASECHANGELOG VALUES ('0001-rf-plan', NULL), ('0008-rf-node', 'min-node-level-1')");
            assertDoesNotThrow(() -> SchemaLevel.check(c, 1, "0.1.0"));

            st.execute("INSERT INTO DATABASECHANGELOG VALUES ('0042-rf-split', 'cluster,min-node-level-3')");
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SchemaLevel.check(c, 1, "0.1.0"));
            assertTrue(refused.getMessage().contains("schema level 3") && refused.getMessage().contains("0042-rf-split")
                    && refused.getMessage().contains("version 0.1.0") && !refused.getMessage().contains("0008-rf-node"),
                    refused.getMessage());
            assertDoesNotThrow(() -> SchemaLevel.check(c, 3, "0.3.0"), "a node of that level runs");
        }
    }
}
