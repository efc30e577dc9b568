package io.reelforge.application.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the console edits about a credit plan; checked by the form and again by {@link PlanAdmin}. The id is
 * chosen once, at creation (accounts and the demo setting refer to it).
 */
public class PlanDraft {

    /** Whether this draft is a plan that exists already (its id is then fixed). */
    private boolean existing;

    @NotBlank(message = "Give the plan an id")
    @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "2 to 40 lower-case letters, digits or '-'")
    private String id = "";

    @NotBlank(message = "Give the plan a name")
    @Size(max = 80, message = "At most 80 characters")
    private String name = "";

    @Min(value = 0, message = "0 or more")
    @Max(value = 1_000_000_000, message = "At most 1,000,000,000")
    private long creditsPerPeriod;

    @Min(value = 0, message = "0 or more")
    @Max(value = 1_000_000_000, message = "At most 1,000,000,000")
    private long signupBonusCredits;

    private boolean videoAllowed = true;

    @Min(value = 1, message = "At least 1")
    @Max(value = 1_000_000, message = "At most 1,000,000")
    private int creditsPerClip = 90;

    @Min(value = 0, message = "0 or more")
    @Max(value = 100_000_000, message = "At most 100,000,000")
    private int priceCentsPerPeriod;

    public boolean isExisting() {
        return existing;
    }

    public void setExisting(boolean existing) {
        this.existing = existing;
    }

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

    public long getCreditsPerPeriod() {
        return creditsPerPeriod;
    }

    public void setCreditsPerPeriod(long creditsPerPeriod) {
        this.creditsPerPeriod = creditsPerPeriod;
    }

    public long getSignupBonusCredits() {
        return signupBonusCredits;
    }

    public void setSignupBonusCredits(long signupBonusCredits) {
        this.signupBonusCredits = signupBonusCredits;
    }

    public boolean isVideoAllowed() {
        return videoAllowed;
    }

    public void setVideoAllowed(boolean videoAllowed) {
        this.videoAllowed = videoAllowed;
    }

    public int getCreditsPerClip() {
        return creditsPerClip;
    }

    public void setCreditsPerClip(int creditsPerClip) {
        this.creditsPerClip = creditsPerClip;
    }

    public int getPriceCentsPerPeriod() {
        return priceCentsPerPeriod;
    }

    public void setPriceCentsPerPeriod(int priceCentsPerPeriod) {
        this.priceCentsPerPeriod = priceCentsPerPeriod;
    }
}
