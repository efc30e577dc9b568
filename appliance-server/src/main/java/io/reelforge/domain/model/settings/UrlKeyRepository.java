package io.reelforge.domain.model.settings;

import java.util.List;
import java.util.Optional;

public interface UrlKeyRepository {

    /** The keys as committed now (the current one and, after a rotation, the previous one). */
    List<UrlKey> all();

    /** The current key, row-locked until the transaction ends, so two rotations never interleave. */
    Optional<UrlKey> lockCurrent();

    /** Puts {@code key} in its slot, replacing what was there. */
    void put(UrlKey key);

    void removePrevious();

    /**
     * Stores the first keys, in a transaction of their own, unless a current key is there already (another
     * appliance made it first: its keys win). Answers whether these were stored.
     */
    boolean adopt(List<UrlKey> keys);
}
