package io.reelforge.application.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The appliance settings an admin edits in the console; checked by the form and again by {@link SettingsAdmin}. */
public class SettingsDraft {

    @Min(value = 1, message = "At least 1 day")
    @Max(value = 3650, message = "At most 3650 days")
    private int retentionDays = 7;

    @NotBlank(message = "Give an absolute folder")
    @Size(max = 1000, message = "At most 1000 characters")
    private String storageRoot = "";

    public int getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    public String getStorageRoot() {
        return storageRoot;
    }

    public void setStorageRoot(String storageRoot) {
        this.storageRoot = storageRoot;
    }
}
