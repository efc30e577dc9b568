package io.reelforge.domain.model.settings;

import java.util.List;
import java.util.Optional;

public interface SettingRepository {

    Optional<ApplianceSetting> find(String name);

    List<ApplianceSetting> all();

    void store(ApplianceSetting setting);

    /** Removes a stored setting: the configured value applies again. */
    void remove(ApplianceSetting setting);
}
