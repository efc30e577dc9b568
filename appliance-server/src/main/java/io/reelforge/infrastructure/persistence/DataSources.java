package io.reelforge.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The embedded Derby database, twice: a JTA data source for JPA and a non-transactional one over the same
 * database for Quartz's JobStoreTX, which commits its own work. The database is {@code <data dir>/db}; the data
 * source is created before the application's own config sources exist, so Payara resolves the data dir from
 * the system property or REELFORGE_DATA_DIR only (default {@code ./data}).
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = DataSources.JTA,
                className = "org.apache.derby.jdbc.EmbeddedDataSource",
                databaseName = "${MPCONFIG=reelforge.data-dir:./data}/db",
                properties = {"createDatabase=create"},
                minPoolSize = 2,
                maxPoolSize = 40,
                isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED),
        @DataSourceDefinition(
                name = DataSources.NON_TX,
                className = "org.apache.derby.jdbc.EmbeddedDataSource",
                databaseName = "${MPCONFIG=reelforge.data-dir:./data}/db",
                properties = {"createDatabase=create"},
                transactional = false,
                minPoolSize = 1,
                maxPoolSize = 12,
                isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED)
})
@ApplicationScoped
public class DataSources {
    public static final String JTA = "java:app/jdbc/reelforge";
    public static final String NON_TX = "java:app/jdbc/reelforge-jobs";
}
