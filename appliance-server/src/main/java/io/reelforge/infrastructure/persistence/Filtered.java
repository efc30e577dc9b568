package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

/**
 * The rows of one entity that a {@link Where} lets through, newest first ({@code createdAt}, then id): a page by
 * offset for a grid, their count, or all of them in batches through one cursor.
 */
final class Filtered<T> {

    private final EntityManager em;
    private final Class<T> type;
    private final String alias;
    private final Where where;

    Filtered(EntityManager em, Class<T> type, String alias, Where where) {
        this.em = em;
        this.type = type;
        this.alias = alias;
        this.where = where;
    }

    List<T> page(int offset, int limit) {
        return where.bind(em.createQuery(select() + where + order(), type)).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    long count() {
        return where.bind(em.createQuery("select count(" + alias + ") from " + type.getSimpleName() + " " + alias + where,
                Long.class)).getSingleResult();
    }

    /** All of them, newest first, {@code size} at a time through one cursor ({@link CursorBatches}). */
    void each(int size, Consumer<List<T>> action) {
        CursorBatches.each(em, where.bind(em.createQuery(select() + where + order(), type)), size, type::cast, action);
    }

    private String select() {
        return "select " + alias + " from " + type.getSimpleName() + " " + alias;
    }

    private String order() {
        return " order by " + alias + ".createdAt desc, " + alias + ".id desc";
    }
}
