package io.reelforge.domain.model.settings;

/**
 * A stored setting was changed or removed. Fired by whoever changes one; the appliance's in-memory copy is
 * reloaded once the transaction has committed, so a rolled-back change never shows.
 */
public record SettingChanged(String name) {
}
