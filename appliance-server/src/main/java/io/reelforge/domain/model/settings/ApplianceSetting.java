package io.reelforge.domain.model.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A setting changed at run time in the console. It overrides the configured value (system property,
 * environment, properties file) from the moment its transaction commits, and survives restarts.
 */
@Entity
@Table(name = "RF_SETTING")
public class ApplianceSetting {

    /** The configuration name it overrides, e.g. {@code reelforge.output.retention}. */
    @Id
    @Column(length = 100)
    private String name;

    @Column(nullable = false, length = 4000)
    private String settingValue;

    @Column(nullable = false)
    private Instant updatedAt;

    @Column(nullable = false, length = 120)
    private String updatedBy;

    protected ApplianceSetting() {
    }

    public ApplianceSetting(String name, String value, String actor, Instant now) {
        this.name = name;
        change(value, actor, now);
    }

    public void change(String value, String actor, Instant now) {
        this.settingValue = value;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    public String name() {
        return name;
    }

    public String value() {
        return settingValue;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
