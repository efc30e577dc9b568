package io.reelforge.infrastructure.persistence;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.ratelimit.RequestWindow;
import io.reelforge.domain.model.ratelimit.RequestWindowRepository;

@ApplicationScoped
public class JpaRequestWindowRepository implements RequestWindowRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RequestWindow.Outcome count(String apiKeyId, Instant now, int limit, Duration length) {
        RequestWindow w = em.find(RequestWindow.class, apiKeyId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            w = new RequestWindow(apiKeyId);
            em.persist(w);
            em.flush(); // a second node making the same row fails here, not at commit
        }
        return w.count(now, limit, length);
    }
}
