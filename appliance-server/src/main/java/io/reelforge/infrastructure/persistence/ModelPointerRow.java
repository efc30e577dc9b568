package io.reelforge.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A model family's active and previous version in the djl engine's registry ({@code RF_MODEL_POINTER}). */
@Entity
@Table(name = "RF_MODEL_POINTER")
public class ModelPointerRow {

    @Id
    @Column(length = 64)
    private String family;

    @Column(length = 64)
    private String activeVersion;

    @Column(length = 64)
    private String previousVersion;

    protected ModelPointerRow() {
    }

    ModelPointerRow(String family, String activeVersion, String previousVersion) {
        this.family = family;
        this.activeVersion = activeVersion;
        this.previousVersion = previousVersion;
    }

    String family() {
        return family;
    }

    String activeVersion() {
        return activeVersion;
    }

    String previousVersion() {
        return previousVersion;
    }
}
