package io.reelforge.infrastructure.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomPreconditionErrorException;
import liquibase.exception.CustomPreconditionFailedException;
import liquibase.precondition.CustomPrecondition;

/**
 * A change set precondition: the column is not there yet (a data folder whose tables EclipseLink extended
 * already has it), asked of the JDBC metadata like {@link TableMissing}.
 * {@code <customPrecondition className="io.reelforge.infrastructure.persistence.ColumnMissing"><param name="tableName" value="RF_X"/><param name="columnName" value="Y"/></customPrecondition>}
 */
public class ColumnMissing implements CustomPrecondition {

    private String tableName;
    private String columnName;

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public void setColumnName(String columnName) {
        this.columnName = columnName;
    }

    @Override
    public void check(Database database) throws CustomPreconditionFailedException, CustomPreconditionErrorException {
        try {
            Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), TableMissing.folded(meta, tableName),
                    TableMissing.folded(meta, columnName))) {
                if (rs.next()) {
                    throw new CustomPreconditionFailedException("column " + tableName + "." + columnName + " already exists");
                }
            }
        } catch (SQLException e) {
            throw new CustomPreconditionErrorException("cannot look for column " + tableName + "." + columnName, e);
        }
    }
}
