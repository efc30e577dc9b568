package io.reelforge.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.reelforge.models.ModelVersion;
import io.reelforge.models.VersionState;

/** One model version of the djl engine's registry as {@link JpaModelVersionStore} keeps it ({@code RF_MODEL_VERSION}). */
@Entity
@Table(name = "RF_MODEL_VERSION")
public class ModelVersionRow {

    static final int REASON_LENGTH = 4000;

    /** {@code <family>/<version>}. */
    @Id
    @Column(length = 130)
    private String id;

    @Column(nullable = false, length = 64)
    private String family;

    @Column(nullable = false, length = 64)
    private String version;

    @Column(nullable = false, length = 10)
    private String state;

    @Column(length = REASON_LENGTH)
    private String reason;

    @Column(length = 40)
    private String importedAt;

    @Column(length = 64)
    private String digest;

    @Column(length = 100)
    private String node;

    /** The registry's order: the order versions were first recorded in. */
    @Column(nullable = false)
    private long position;

    protected ModelVersionRow() {
    }

    ModelVersionRow(ModelVersion v, long position) {
        this.id = id(v);
        this.family = v.family();
        this.version = v.version();
        this.position = position;
        update(v);
    }

    static String id(ModelVersion v) {
        return v.family() + "/" + v.version();
    }

    void update(ModelVersion v) {
        this.state = v.state().name();
        this.reason = v.reason() == null || v.reason().length() <= REASON_LENGTH ? v.reason()
                : v.reason().substring(0, REASON_LENGTH - 1) + "…";
        this.importedAt = v.importedAt();
        this.digest = v.digest();
        this.node = v.node();
    }

    ModelVersion toVersion() {
        return new ModelVersion(family, version, VersionState.valueOf(state), reason, importedAt, digest, node);
    }

    long position() {
        return position;
    }
}
