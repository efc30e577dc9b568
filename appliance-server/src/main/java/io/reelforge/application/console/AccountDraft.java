package io.reelforge.application.console;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the console edits about an account. A mutable bean, not a record, because the console's form binds
 * to it field by field; the constraints are checked by the form and again by {@link AccountAdmin}.
 */
public class AccountDraft {

    private String id;

    @NotBlank(message = "Give the account a name")
    @Size(max = 120, message = "At most 120 characters")
    private String name = "";

    @NotBlank(message = "Choose a plan")
    private String planId = "starter";

    @Min(value = 1, message = "At least 1")
    @Max(value = 1000, message = "At most 1000")
    private int maxConcurrentJobs = 5;

    /** Clips per UTC day; null for no cap. */
    @Min(value = 1, message = "At least 1 (leave empty for no cap)")
    @Max(value = 1_000_000, message = "At most 1,000,000")
    private Integer dailyClipCap;

    /** Wire names ("720p"); empty allows every resolution. */
    private Set<String> allowedResolutions = new LinkedHashSet<>();

    private boolean active = true;

    /** Null for an account not created yet. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPlanId() {
        return planId;
    }

    public void setPlanId(String planId) {
        this.planId = planId;
    }

    public int getMaxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    public void setMaxConcurrentJobs(int maxConcurrentJobs) {
        this.maxConcurrentJobs = maxConcurrentJobs;
    }

    public Integer getDailyClipCap() {
        return dailyClipCap;
    }

    public void setDailyClipCap(Integer dailyClipCap) {
        this.dailyClipCap = dailyClipCap;
    }

    public Set<String> getAllowedResolutions() {
        return allowedResolutions;
    }

    public void setAllowedResolutions(Set<String> allowedResolutions) {
        this.allowedResolutions = allowedResolutions == null ? new LinkedHashSet<>() : new LinkedHashSet<>(allowedResolutions);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
