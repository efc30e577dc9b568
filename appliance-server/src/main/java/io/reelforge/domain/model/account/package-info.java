/**
 * Accounts, the credit plans they are on and their API keys. A plan is data (the console edits it); an API key
 * is kept only as a hash and a display prefix.
 */
package io.reelforge.domain.model.account;
