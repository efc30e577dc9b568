/**
 * The people who use the admin console (not API callers): their role, a password hash that never leaves the
 * server, the failed-login count that throttles guessing, and the append-only audit trail of what they did.
 */
package io.reelforge.domain.model.console;
