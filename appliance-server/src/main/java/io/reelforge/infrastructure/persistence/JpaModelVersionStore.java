package io.reelforge.infrastructure.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.models.ModelVersion;
import io.reelforge.models.RegistryException;
import io.reelforge.models.VersionStore;

/**
 * The djl engine's model versions and active/previous pointers in the appliance's database, shared by every
 * appliance on it. A change locks the one {@link ModelRegistryRevision} row, applies itself to the versions and
 * pointers as committed, writes the difference and moves the revision on, all in one transaction of its own; a read
 * compares the revision first and re-reads the rest only when it moved, so the registry can re-read the store
 * before every render for the price of one small query.
 */
@ApplicationScoped
public class JpaModelVersionStore implements VersionStore {

    /** The state as read at one revision. */
    private record Read(long revision, Snapshot snapshot) {
    }

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    private volatile Read last;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Snapshot load() {
        ModelRegistryRevision row = em.find(ModelRegistryRevision.class, ModelRegistryRevision.ID);
        long revision = row == null ? 0 : row.revision();
        Read seen = last;
        if (seen != null && seen.revision() == revision) {
            return seen.snapshot();
        }
        Snapshot snapshot = read();
        last = new Read(revision, snapshot);
        return snapshot;
    }

    @Override
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = RegistryException.class)
    public Snapshot update(Change change) throws RegistryException {
        ModelRegistryRevision lock = lock();
        Snapshot latest = read();
        Snapshot next = change.apply(latest);
        write(latest, next);
        lock.next();
        last = null; // read again after the commit: a rollback must not leave this state behind
        return next;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(Snapshot snapshot) {
        ModelRegistryRevision lock = lock();
        write(read(), snapshot);
        lock.next();
        last = null;
    }

    @Override
    public boolean shared() {
        return true;
    }

    private ModelRegistryRevision lock() {
        ModelRegistryRevision row = em.find(ModelRegistryRevision.class, ModelRegistryRevision.ID,
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) { // only a database whose row was deleted by hand: the migration makes it
            row = new ModelRegistryRevision(0);
            em.persist(row);
            em.flush();
        }
        return row;
    }

    private Snapshot read() {
        List<ModelVersion> versions = em.createQuery("select v from ModelVersionRow v order by v.position",
                ModelVersionRow.class).getResultList().stream().map(ModelVersionRow::toVersion).toList();
        Map<String, String> active = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        for (ModelPointerRow p : em.createQuery("select p from ModelPointerRow p", ModelPointerRow.class).getResultList()) {
            if (p.activeVersion() != null) {
                active.put(p.family(), p.activeVersion());
            }
            if (p.previousVersion() != null) {
                previous.put(p.family(), p.previousVersion());
            }
        }
        return new Snapshot(versions, active, previous);
    }

    /** Writes only what differs between the state read under the lock and the changed one. */
    private void write(Snapshot latest, Snapshot next) {
        Set<String> kept = new HashSet<>();
        long position = em.createQuery("select coalesce(max(v.position), 0) from ModelVersionRow v", Long.class)
                .getSingleResult();
        List<ModelVersion> before = new ArrayList<>(latest.versions());
        for (ModelVersion v : next.versions()) {
            String id = ModelVersionRow.id(v);
            kept.add(id);
            if (before.contains(v)) {
                continue;
            }
            ModelVersionRow row = em.find(ModelVersionRow.class, id);
            if (row == null) {
                em.persist(new ModelVersionRow(v, ++position));
            } else {
                row.update(v);
            }
        }
        for (ModelVersion v : before) {
            if (!kept.contains(ModelVersionRow.id(v))) {
                em.remove(em.find(ModelVersionRow.class, ModelVersionRow.id(v)));
            }
        }
        if (!latest.active().equals(next.active()) || !latest.previous().equals(next.previous())) {
            em.createQuery("delete from ModelPointerRow").executeUpdate();
            Set<String> families = new HashSet<>(next.active().keySet());
            families.addAll(next.previous().keySet());
            for (String family : families) {
                em.persist(new ModelPointerRow(family, next.active().get(family), next.previous().get(family)));
            }
        }
    }
}
