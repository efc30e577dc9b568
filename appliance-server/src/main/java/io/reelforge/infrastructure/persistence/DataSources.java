package io.reelforge.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The appliance database, twice: a JTA data source for JPA and a non-transactional one over the same database
 * for Quartz's JobStoreTX and the schema migrations, which commit their own work. Which database (embedded
 * Derby under {@code <data dir>/db}, or PostgreSQL) is {@link ApplianceDataSource}'s choice, from the settings.
 */
@DataSourceDefinitions({
        @DataSourceDefinition(
                name = DataSources.JTA,
                className = "io.reelforge.infrastructure.persistence.ApplianceDataSource",
                minPoolSize = 2,
                maxPoolSize = 40,
                isolationLevel = java.sql.Connection.TRANSACTION_READ_COMMITTED),
        @DataSourceDefinition(
                name = DataSources.NON_TX,
                className = "io.reelforge.infrastructure.persistence.ApplianceDataSource",
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
