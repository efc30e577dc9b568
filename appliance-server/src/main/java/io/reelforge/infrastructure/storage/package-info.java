/**
 * Output storage under one root (a local folder or an NFS mount) and the HMAC-signed, expiring URLs through
 * which the appliance serves the files itself.
 */
package io.reelforge.infrastructure.storage;
