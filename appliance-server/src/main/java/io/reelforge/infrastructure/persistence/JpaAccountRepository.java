package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.ApiKey;
import io.reelforge.domain.model.account.KeyPrefixSearch;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.shared.ReelforgeException;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public Optional<Account> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    @Override
    public Account lockForUpdate(String id) {
        Account a = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ReelforgeException.notFound("account", id);
        }
        return a;
    }

    @Override
    public List<Account> all() {
        return em.createQuery("select a from Account a order by a.createdAt", Account.class).getResultList();
    }

    @Override
    public List<Account> named(String name) {
        return em.createQuery("select a from Account a where a.nameKey = :n", Account.class)
                .setParameter("n", Account.keyOf(name)).getResultList();
    }

    @Override
    public void store(Account account) {
        em.persist(account);
    }

    @Override
    public boolean storeUniquelyNamed(Account account) {
        if (!em.contains(account)) {
            em.persist(account);
        }
        try {
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (UniqueKeys.violated(e, "RF_ACCOUNT_NAMEKEY")) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Plan> plan(String id) {
        return Optional.ofNullable(em.find(Plan.class, id));
    }

    @Override
    public List<Plan> plans() {
        return em.createQuery("select p from Plan p order by p.priceCentsPerPeriod", Plan.class).getResultList();
    }

    @Override
    public long countOnPlan(String planId) {
        return em.createQuery("select count(a) from Account a where a.plan.id = :p", Long.class)
                .setParameter("p", planId).getSingleResult();
    }

    @Override
    public void store(Plan plan) {
        em.persist(plan);
    }

    @Override
    public Optional<ApiKey> keyByLookupId(String lookupId) {
        return em.createQuery("select k from ApiKey k join fetch k.account where k.lookupId = :l", ApiKey.class)
                .setParameter("l", lookupId)
                .getResultStream().findFirst();
    }

    @Override
    public void store(ApiKey key) {
        em.persist(key);
    }

    @Override
    public List<Account> page(int offset, int limit) {
        return em.createQuery("select a from Account a order by a.createdAt, a.id", Account.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ApiKey> keys(String accountId) {
        return em.createQuery("select k from ApiKey k where k.account.id = :a order by k.createdAt desc", ApiKey.class)
                .setParameter("a", accountId).getResultList();
    }

    @Override
    public Optional<ApiKey> key(String id) {
        return Optional.ofNullable(em.find(ApiKey.class, id));
    }

    @Override
    public long countAccounts() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    @Override
    public List<ApiKey> searchKeys(KeyPrefixSearch search, int offset, int limit) {
        if (!search.possible()) {
            return List.of();
        }
        return keySearch("select k from ApiKey k", search, " order by k.createdAt desc, k.id desc", ApiKey.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countKeys(KeyPrefixSearch search) {
        return search.possible() ? keySearch("select count(k) from ApiKey k", search, "", Long.class).getSingleResult() : 0;
    }

    private <T> jakarta.persistence.TypedQuery<T> keySearch(String select, KeyPrefixSearch search, String order, Class<T> type) {
        String jpql = select + " where k.lookupId like :p escape '\\'" + (search.mode() == null ? "" : " and k.mode = :m") + order;
        jakarta.persistence.TypedQuery<T> q = em.createQuery(jpql, type)
                .setParameter("p", GenerationFilter.escapeLike(search.lookupPrefix()) + "%");
        return search.mode() == null ? q : q.setParameter("m", search.mode());
    }
}
