package io.reelforge.domain.model.settings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface SettingRepository {

    Optional<ApplianceSetting> find(String name);

    List<ApplianceSetting> all();

    void store(ApplianceSetting setting);

    /** Stores a setting's new value: the stored one changed, or a new one stored when there is none. */
    default void put(String name, String value, String actor, Instant at) {
        find(name).ifPresentOrElse(s -> s.change(value, actor, at), () -> store(new ApplianceSetting(name, value, actor, at)));
    }

    /** Removes a stored setting: the configured value applies again. */
    void remove(ApplianceSetting setting);
}
