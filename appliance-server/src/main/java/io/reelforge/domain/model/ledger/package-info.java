/**
 * The credit ledger: append-only entries, the source of an account's balance. The balance is kept on the account
 * row beside them, moved with each entry, and reconciled against their sum ({@code reelforge ledger reconcile}). A
 * generation has at most one debit and one refund, enforced by a unique constraint, not by care; entry signs by kind
 * by a CHECK.
 */
package io.reelforge.domain.model.ledger;
