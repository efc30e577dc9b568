package io.reelforge.domain.model.account;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    Optional<Account> find(String id);

    /** Finds the account and holds its row lock until the transaction ends. */
    Account lockForUpdate(String id);

    List<Account> all();

    /** Accounts with this name, ignoring case (names are unique so every picker tells them apart). */
    List<Account> named(String name);

    void store(Account account);

    /**
     * Stores (or writes the changes to) the account now, false when another account already holds its name: the
     * database's unique key on the name, for the race the application's own check cannot see.
     */
    boolean storeUniquelyNamed(Account account);

    Optional<Plan> plan(String id);

    List<Plan> plans();

    long countOnPlan(String planId);

    void store(Plan plan);

    Optional<ApiKey> keyByLookupId(String lookupId);

    void store(ApiKey key);

    long countAccounts();

    /** Accounts by creation time, for the console's lazy grid. */
    List<Account> page(int offset, int limit);

    List<ApiKey> keys(String accountId);

    /** Every account's keys whose display prefix starts as searched, newest first. */
    List<ApiKey> searchKeys(KeyPrefixSearch search, int offset, int limit);

    long countKeys(KeyPrefixSearch search);

    Optional<ApiKey> key(String id);
}
