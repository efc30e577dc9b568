package io.reelforge.domain.model.upstream;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The id of the key that seals console-added upstream keys, as the first node that sealed one recorded it: a check
 * value computed from the key, never the key. Every node's own {@code upstream-keys.key} must have this id; one whose
 * file differs or is missing refuses to seal or open instead of making keys the others cannot open.
 */
@Entity
@Table(name = "RF_UPSTREAM_KEY_ID")
public class UpstreamKeyId {

    public static final String CURRENT = "current";

    @Id
    @Column(length = 20)
    private String slot;

    @Column(nullable = false, length = 64)
    private String keyId;

    /** The node whose key file it is. */
    @Column(length = 100)
    private String node;

    @Column(nullable = false)
    private Instant createdAt;

    protected UpstreamKeyId() {
    }

    public UpstreamKeyId(String keyId, String node, Instant createdAt) {
        this.slot = CURRENT;
        this.keyId = keyId;
        this.node = node;
        this.createdAt = createdAt;
    }

    public String keyId() {
        return keyId;
    }

    public String node() {
        return node;
    }
}
