package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * The rows of one entity that a {@link Where} lets through, newest first ({@code createdAt}, then id): a page by
 * offset for a grid, their count, or a keyset batch for reading them all.
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

    List<T> after(Instant beforeAt, String beforeId, int limit) {
        Where w = where.before(alias, "createdAt", beforeAt, beforeId);
        return w.bind(em.createQuery(select() + w + order(), type)).setMaxResults(limit).getResultList();
    }

    private String select() {
        return "select " + alias + " from " + type.getSimpleName() + " " + alias;
    }

    private String order() {
        return " order by " + alias + ".createdAt desc, " + alias + ".id desc";
    }
}
