package io.reelforge.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** Manual adjustments through the one writer of credits: reason and actor kept, no negative balance unless allowed. */
class LedgerAdjustmentTest {

    private final List<LedgerEntry> booked = new ArrayList<>();
    private final List<String> locked = new ArrayList<>();
    private final List<LedgerEntry> overdrawn = new ArrayList<>();
    private Ledger ledger;

    @BeforeEach
    void ledger() {
        ledger = new Ledger();
        ledger.entries = new LedgerRepository() {
            @Override
            public void append(LedgerEntry entry) {
                booked.add(entry);
            }

            @Override
            public void appendOverdraw(LedgerEntry entry) {
                booked.add(entry);
                overdrawn.add(entry);
            }

            @Override
            public List<io.reelforge.domain.model.ledger.BalanceMismatch> unreconciled() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long balance(String accountId) {
                return booked.stream().filter(e -> e.accountId().equals(accountId)).mapToLong(LedgerEntry::amount).sum();
            }

            @Override
            public long sumSince(EntryKind kind, Instant since) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<LedgerEntry> find(String generationId, EntryKind kind) {
                return Optional.empty();
            }

            @Override
            public List<LedgerEntry> page(String accountId, Instant beforeCreatedAt, String beforeId, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<LedgerEntry> search(io.reelforge.domain.model.ledger.LedgerQuery query, int offset, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void eachNewestFirst(io.reelforge.domain.model.ledger.LedgerQuery query, int batchSize,
                    java.util.function.Consumer<List<LedgerEntry>> action) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long count(io.reelforge.domain.model.ledger.LedgerQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Map<java.time.LocalDate, Long> spentPerDay(String accountId, Instant since) {
                throw new UnsupportedOperationException();
            }
        };
        ledger.accounts = (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lockForUpdate")) {
                        locked.add((String) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ledger.clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
        booked.add(LedgerEntry.grant("acct", 100, "plan starter: first period", "system", ledger.clock.instant()));
    }

    @Test
    void anAdjustmentIsBookedWithItsReasonAndActorUnderTheAccountLock() {
        assertEquals(40, ledger.adjust("acct", -60, "  refund by invoice  ", "console", false));
        LedgerEntry e = booked.get(booked.size() - 1);
        assertEquals(EntryKind.ADJUSTMENT, e.kind());
        assertEquals(-60, e.amount());
        assertEquals("refund by invoice", e.reason());
        assertEquals("console", e.actor());
        assertEquals(List.of("acct"), locked);
    }

    @Test
    void aDeductionBelowZeroIsRefusedUnlessAllowed() {
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> ledger.adjust("acct", -1_000_000, "typo", "console", false));
        assertEquals(ErrorType.CONFLICT, e.type());
        assertEquals("ledger.negative_balance", e.code());
        assertEquals("credits", e.param());
        assertEquals(1, booked.size(), "nothing booked");
        assertEquals(0, ledger.adjust("acct", -100, "to zero is fine", "console", false));
        assertEquals(List.of(), overdrawn, "down to zero is an ordinary movement");
        assertEquals(-50, ledger.adjust("acct", -50, "agreed overdraft", "console", true));
        assertEquals(List.of(booked.get(booked.size() - 1)), overdrawn, "only the allowed deduction lowers the database's floor");
        assertEquals(-30, ledger.adjust("acct", 20, "paid back in part", "console", false));
        assertEquals(1, overdrawn.size(), "a grant is an ordinary movement, even below zero");
    }

    @Test
    void zeroNoReasonAndOverflowAreRefusedNamingTheField() {
        assertEquals("ledger.zero", assertThrows(ReelforgeException.class,
                () -> ledger.adjust("acct", 0, "nothing", "console", false)).code());
        assertEquals("reason", assertThrows(ReelforgeException.class,
                () -> ledger.adjust("acct", 5, "  ", "console", false)).param());
        assertEquals("ledger.out_of_range", assertThrows(ReelforgeException.class,
                () -> ledger.adjust("acct", Long.MAX_VALUE, "all the money", "console", false)).code());
        assertThrows(IllegalArgumentException.class, () -> ledger.adjust("acct", 5, "who?", " ", false));
        assertEquals(1, booked.size());
    }
}
