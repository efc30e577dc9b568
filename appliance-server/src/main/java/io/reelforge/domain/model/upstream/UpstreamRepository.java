package io.reelforge.domain.model.upstream;

import java.util.List;
import java.util.Optional;

public interface UpstreamRepository {

    /** Oldest first. */
    List<ConsoleUpstream> all();

    Optional<ConsoleUpstream> find(String id);

    Optional<ConsoleUpstream> findByUrl(String baseUrl);

    void store(ConsoleUpstream upstream);

    void remove(ConsoleUpstream upstream);

    /** The id of the key that seals upstream keys on every node, once a node recorded it. */
    Optional<UpstreamKeyId> sealingKeyId();

    /** Records the sealing key's id unless one is there already; false when another node's came first. */
    boolean adoptSealingKeyId(UpstreamKeyId id);
}
