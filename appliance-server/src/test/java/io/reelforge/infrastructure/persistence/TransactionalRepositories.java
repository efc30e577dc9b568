package io.reelforge.infrastructure.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.console.AuditRepository;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.idempotency.IdempotencyRepository;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.model.safety.SafetyRepository;

/**
 * The appliance's repositories on a real, migrated database (Derby or PostgreSQL) outside a container, for service
 * tests in other packages: each {@link #inTransaction} gets a fresh persistence context and its own database
 * transaction, committed when the work returns and rolled back when it throws, as a JTA transaction is in the
 * appliance. A "crash" is then simply a step that never runs: what committed before it stays committed.
 */
public final class TransactionalRepositories implements AutoCloseable {

    private final SchemaMatchesEntitiesTest.TestDatabase db;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final EntityManager em;

    private TransactionalRepositories(SchemaMatchesEntitiesTest.TestDatabase db, String session) throws Exception {
        this.db = db;
        try (Connection c = db.connect()) {
            SchemaMigrations.update(c);
        }
        factory = Persistence.createEntityManagerFactory("reelforge", db.persistenceUnit(session));
        em = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    EntityManager e = current.get();
                    if (e == null) {
                        throw new IllegalStateException("no transaction: call " + method.getName() + " inside inTransaction");
                    }
                    try {
                        return method.invoke(e, args);
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    /** A fresh database of this kind ("derby" or "postgresql"; the latter aborts the test when none is reachable). */
    public static TransactionalRepositories open(String kind, String session) throws Exception {
        SchemaMatchesEntitiesTest.TestDatabase db = kind.equals("derby") ? SchemaMatchesEntitiesTest.TestDatabase.derby()
                : SchemaMatchesEntitiesTest.TestDatabase.postgresql();
        try {
            return new TransactionalRepositories(db, session + "-" + kind);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    public <T> T inTransaction(Supplier<T> work) {
        EntityManager e = factory.createEntityManager();
        current.set(e);
        try {
            e.getTransaction().begin();
            T result = work.get();
            e.getTransaction().commit();
            return result;
        } finally {
            if (e.getTransaction().isActive()) {
                e.getTransaction().rollback();
            }
            current.remove();
            e.close();
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** The current transaction's entity manager (for setting rows up and reading them back). */
    public EntityManager em() {
        return em;
    }

    public AccountRepository accounts() {
        return bound(new JpaAccountRepository());
    }

    public GenerationRepository generations() {
        return bound(new JpaGenerationRepository());
    }

    public LedgerRepository ledger() {
        return bound(new JpaLedgerRepository());
    }

    public IdempotencyRepository idempotency() {
        return bound(new JpaIdempotencyRepository());
    }

    public SafetyRepository safety() {
        return bound(new JpaSafetyRepository());
    }

    public ConsoleUserRepository consoleUsers() {
        return bound(new JpaConsoleUserRepository());
    }

    public AuditRepository audit() {
        return bound(new JpaAuditRepository());
    }

    /** Gives a repository the entity manager the container would inject ({@code @PersistenceContext em}). */
    private <R> R bound(R repository) {
        try {
            java.lang.reflect.Field f = repository.getClass().getDeclaredField("em");
            f.set(repository, em);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(repository.getClass() + " has no entity manager field", e);
        }
        return repository;
    }

    @Override
    public void close() throws Exception {
        try {
            factory.close();
        } finally {
            db.close();
        }
    }
}
