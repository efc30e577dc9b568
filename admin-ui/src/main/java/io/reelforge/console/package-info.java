/**
 * The admin console at {@code /admin}: Vaadin Flow views, a package per feature. Views only lay out
 * components and call the application services in {@code io.reelforge.application.console}, which check
 * permissions and keep the audit log; nothing here decides or guards anything on its own.
 */
package io.reelforge.console;
