package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.upstream.ConsoleUpstream;
import io.reelforge.domain.model.upstream.UpstreamKeyId;
import io.reelforge.domain.model.upstream.UpstreamRepository;

@ApplicationScoped
public class JpaUpstreamRepository implements UpstreamRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public List<ConsoleUpstream> all() {
        return em.createQuery("select u from ConsoleUpstream u order by u.createdAt, u.id", ConsoleUpstream.class).getResultList();
    }

    @Override
    public Optional<ConsoleUpstream> find(String id) {
        return Optional.ofNullable(em.find(ConsoleUpstream.class, id));
    }

    @Override
    public Optional<ConsoleUpstream> findByUrl(String baseUrl) {
        return em.createQuery("select u from ConsoleUpstream u where u.baseUrl = :url", ConsoleUpstream.class)
                .setParameter("url", baseUrl).getResultStream().findFirst();
    }

    @Override
    public void store(ConsoleUpstream upstream) {
        em.persist(upstream);
    }

    @Override
    public void remove(ConsoleUpstream upstream) {
        em.remove(upstream);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UpstreamKeyId> sealingKeyId() {
        return Optional.ofNullable(em.find(UpstreamKeyId.class, UpstreamKeyId.CURRENT));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean adoptSealingKeyId(UpstreamKeyId id) {
        if (em.find(UpstreamKeyId.class, UpstreamKeyId.CURRENT) != null) {
            return false;
        }
        em.persist(id);
        em.flush(); // a second node adopting at the same moment fails here and reads the winner's id
        return true;
    }
}
