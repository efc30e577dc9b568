package io.reelforge.domain.model.safety;

import java.util.List;

public interface SafetyRepository {

    List<SafetyTerm> all();

    void store(SafetyTerm term);

    java.util.Optional<SafetyTerm> find(String id);

    boolean exists(String category, String normalizedPhrase);

    void remove(SafetyTerm term);

    long count();
}
