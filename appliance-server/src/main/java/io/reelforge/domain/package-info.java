/** The domain: accounts, plans and keys; the credit ledger; generations and their lifecycle; the safety policy. */
package io.reelforge.domain;
