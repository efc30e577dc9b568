package io.reelforge.domain.model.safety;

import java.util.List;

public interface SafetyRepository {

    List<SafetyTerm> all();

    void store(SafetyTerm term);

    long count();
}
