package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.settings.UrlKey;
import io.reelforge.domain.model.settings.UrlKeyRepository;

@ApplicationScoped
public class JpaUrlKeyRepository implements UrlKeyRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UrlKey> all() {
        return em.createQuery("select k from UrlKey k", UrlKey.class).getResultList();
    }

    @Override
    public Optional<UrlKey> lockCurrent() {
        return Optional.ofNullable(em.find(UrlKey.class, UrlKey.CURRENT, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void put(UrlKey key) {
        em.merge(key);
    }

    @Override
    public void removePrevious() {
        UrlKey previous = em.find(UrlKey.class, UrlKey.PREVIOUS);
        if (previous != null) {
            em.remove(previous);
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean adopt(List<UrlKey> keys) {
        if (em.find(UrlKey.class, UrlKey.CURRENT) != null) {
            return false;
        }
        keys.forEach(em::persist);
        em.flush(); // a second appliance adopting at the same moment fails here and reads the winner's keys
        return true;
    }
}
