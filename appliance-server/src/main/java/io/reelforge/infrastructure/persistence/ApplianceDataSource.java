package io.reelforge.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The class the data source definitions name: Payara pools its connections, and it hands each request to the
 * driver {@link DatabaseTarget} picks from the settings (Derby or PostgreSQL). An annotation cannot switch
 * driver classes by configuration; this indirection can.
 */
public class ApplianceDataSource implements DataSource {

    private volatile DataSource delegate;
    private int loginTimeout;
    private PrintWriter logWriter;

    private DataSource delegate() {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    DatabaseTarget target = DatabaseTarget.configured();
                    if (target.embedded()) {
                        // Before Derby opens the folder: the container may ask for a connection while it deploys
                        // (Payara 7 makes an EntityManager then), before any start-up bean of ours has run.
                        try {
                            DataFolderLock.take(target.derbyPath());
                        } catch (IllegalStateException e) {
                            throw io.reelforge.infrastructure.config.FatalStart.exit("data folder in use", e);
                        }
                    }
                    delegate = target.dataSource();
                }
                d = delegate;
            }
        }
        return d;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // The pool passes no credentials of its own: the settings hold them.
        return username == null ? getConnection() : delegate().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        this.loginTimeout = seconds;
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
