package io.reelforge.console.settings;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.reelforge.application.console.SettingsDraft;
import io.reelforge.console.support.DraftForm;

/** Retention and the storage root. */
public class SettingsForm extends DraftForm<SettingsDraft> {

    final IntegerField retentionDays = new IntegerField("Keep clips for (days; clips completed from now on)");
    final TextField storageRoot = new TextField("Storage root (new outputs only; older clips stay where they are)");

    public SettingsForm() {
        super(SettingsDraft.class, "settings");
        retentionDays.setId("settings-retention");
        storageRoot.setId("settings-root");
        storageRoot.setWidthFull();
        close.setVisible(false);
        layout(retentionDays, storageRoot);
    }
}
