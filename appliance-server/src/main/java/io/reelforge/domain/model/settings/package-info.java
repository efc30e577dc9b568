/**
 * Settings changed at run time (retention, the storage root, the tunable settings of {@link
 * io.reelforge.domain.model.settings.TunableSetting}): stored as data, they override the configured values
 * without a restart.
 */
package io.reelforge.domain.model.settings;
