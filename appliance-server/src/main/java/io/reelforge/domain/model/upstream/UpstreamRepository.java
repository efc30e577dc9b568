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
}
