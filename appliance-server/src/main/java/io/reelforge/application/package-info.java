/**
 * Use cases: submitting and reading generations, the render lifecycle (the one owner of the state machine),
 * dispatch to render slots, the credit ledger's operations, estimates, accounts. Resources, jobs and views
 * call these; these call the domain and its repositories.
 */
package io.reelforge.application;
