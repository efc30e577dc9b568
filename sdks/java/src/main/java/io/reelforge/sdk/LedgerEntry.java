package io.reelforge.sdk;

/** One credit movement: kind grant, debit, refund or adjustment; amount signed (debits negative). */
public record LedgerEntry(String id, String kind, long amount, String generationId, String reason, String actor,
                          String createdAt) {
}
