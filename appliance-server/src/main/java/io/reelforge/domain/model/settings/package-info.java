/**
 * Settings an admin changes at run time (retention, the storage root): stored as data, they override the
 * configured values without a restart.
 */
package io.reelforge.domain.model.settings;
