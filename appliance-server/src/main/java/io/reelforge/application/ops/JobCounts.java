package io.reelforge.application.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;

/** The number of jobs in each status, every status present (zero included) so a gauge never disappears. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JobCounts {

    @Inject
    GenerationRepository generations;

    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (GenerationStatus s : GenerationStatus.values()) {
            counts.put(s.wireName(), generations.countByStatus(s));
        }
        return counts;
    }
}
