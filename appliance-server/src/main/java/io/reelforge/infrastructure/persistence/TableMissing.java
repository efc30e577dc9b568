package io.reelforge.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * A change set precondition: the table is not there yet. Liquibase 4.33's own {@code tableExists} never finds
 * a table on Derby, so the baseline asks the JDBC metadata itself, in the connection's schema.
 * {@code <customPrecondition className="io.reelforge.infrastructure.persistence.TableMissing"><param name="tableName" value="RF_X"/></customPrecondition>}
 */
public class TableMissing implements CustomPrecondition {

    private String tableName;

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    /** Unquoted names are folded: upper case on Derby, lower case on PostgreSQL. */
    static String folded(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
    }

    /** Whether the table is there, in the connection's schema (asked of the JDBC metadata, not by a failing query). */
    static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), folded(meta, table), new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    @Override
    public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
        try {
            if (exists(((JdbcConnection) database.getConnection()).getUnderlyingConnection(), tableName)) {
                throw new CustomPreconditionFailedException("table " + tableName + " already exists");
            }
        } catch (SQLException e) {
            throw new CustomPreconditionErrorException("cannot look for table " + tableName, e);
        }
    }
}
