/**
 * Console sign-in through a company directory: LDAP / Active Directory (a Shiro LDAP realm that binds as the user)
 * and OpenID Connect (authorization code + PKCE with Nimbus' SDK), each turning directory groups into a console
 * role ({@link io.reelforge.domain.model.console.DirectoryRoles}). docs/console-sign-in.md lists the settings.
 */
package io.reelforge.infrastructure.security.directory;
