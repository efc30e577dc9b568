package io.reelforge.domain.model.console;

import java.util.Optional;

public interface ConsoleUserRepository {

    Optional<ConsoleUser> byUsername(String username);

    void store(ConsoleUser user);

    long count();
}
