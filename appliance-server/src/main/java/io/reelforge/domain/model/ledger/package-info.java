/**
 * The credit ledger: append-only entries, the only source of an account's balance. A generation has at most
 * one debit and one refund, enforced by a unique constraint, not by care.
 */
package io.reelforge.domain.model.ledger;
