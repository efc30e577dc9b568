package io.reelforge.domain.model.console;

import java.util.List;
import java.util.Optional;

public interface ConsoleUserRepository {

    Optional<ConsoleUser> byUsername(String username);

    void store(ConsoleUser user);

    long count();

    /** By user name, for the console's users page. */
    List<ConsoleUser> all();
}
