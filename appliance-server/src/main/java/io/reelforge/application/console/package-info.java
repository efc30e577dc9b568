/**
 * Use cases of the admin console. Every public method checks its {@code domain:action} permission on the
 * current Shiro subject first, so hiding a button is never the only guard; every change is written to the
 * audit log in the same transaction. Views call these and decide nothing.
 */
package io.reelforge.application.console;
