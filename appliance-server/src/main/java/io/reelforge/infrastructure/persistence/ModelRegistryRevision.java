package io.reelforge.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row of {@code RF_MODEL_REGISTRY}: every change of the model registry locks it first, so changes from
 * several appliances apply one after another, and moves its revision on, so a node re-reads the versions and
 * pointers only when they changed.
 */
@Entity
@Table(name = "RF_MODEL_REGISTRY")
public class ModelRegistryRevision {

    static final int ID = 1;

    @Id
    private int id;

    @Column(nullable = false)
    private long revision;

    protected ModelRegistryRevision() {
    }

    ModelRegistryRevision(long revision) {
        this.id = ID;
        this.revision = revision;
    }

    long revision() {
        return revision;
    }

    void next() {
        revision++;
    }
}
