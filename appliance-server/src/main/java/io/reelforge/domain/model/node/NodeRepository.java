package io.reelforge.domain.model.node;

import java.util.List;
import java.util.Optional;

public interface NodeRepository {

    /** Finds the node's row and holds its lock until the transaction ends. */
    Optional<ClusterNode> lockForUpdate(String id);

    Optional<ClusterNode> find(String id);

    void store(ClusterNode node);

    /** Every node that ever joined, by id. */
    List<ClusterNode> all();
}
