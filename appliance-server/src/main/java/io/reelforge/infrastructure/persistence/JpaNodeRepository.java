package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.node.ClusterNode;
import io.reelforge.domain.model.node.NodeRepository;

@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public Optional<ClusterNode> lockForUpdate(String id) {
        return Optional.ofNullable(em.find(ClusterNode.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<ClusterNode> find(String id) {
        return Optional.ofNullable(em.find(ClusterNode.class, id));
    }

    @Override
    public void store(ClusterNode node) {
        em.persist(node);
    }

    @Override
    public List<ClusterNode> all() {
        return em.createQuery("select n from ClusterNode n order by n.id", ClusterNode.class).getResultList();
    }
}
