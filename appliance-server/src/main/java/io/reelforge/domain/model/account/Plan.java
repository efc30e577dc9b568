package io.reelforge.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A credit plan: how many credits it grants each period, whether it includes video, and what a clip costs.
 * Seeded from the reference product page; administrators edit them as data.
 */
@Entity
@Table(name = "RF_PLAN")
public class Plan {

    @Id
    @Column(length = 40)
    private String id;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(nullable = false)
    private long creditsPerPeriod;

    @Column(nullable = false)
    private long signupBonusCredits;

    @Column(nullable = false)
    private boolean videoAllowed;

    @Column(nullable = false)
    private int creditsPerClip;

    @Column(nullable = false)
    private int priceCentsPerPeriod;

    @Version
    private long version;

    protected Plan() {
    }

    public Plan(String id, String name, long creditsPerPeriod, long signupBonusCredits, boolean videoAllowed,
                int creditsPerClip, int priceCentsPerPeriod) {
        this.id = id;
        this.name = name;
        this.creditsPerPeriod = creditsPerPeriod;
        this.signupBonusCredits = signupBonusCredits;
        this.videoAllowed = videoAllowed;
        this.creditsPerClip = creditsPerClip;
        this.priceCentsPerPeriod = priceCentsPerPeriod;
    }

    /**
     * Changes the plan's terms. The id stays (accounts point at it); credits already granted and clips already
     * charged stay as they were: the new price applies to the next clip, the new grant to the next period.
     */
    public void revise(String newName, long newCreditsPerPeriod, long newSignupBonus, boolean newVideoAllowed,
                       int newCreditsPerClip, int newPriceCents) {
        this.name = newName;
        this.creditsPerPeriod = newCreditsPerPeriod;
        this.signupBonusCredits = newSignupBonus;
        this.videoAllowed = newVideoAllowed;
        this.creditsPerClip = newCreditsPerClip;
        this.priceCentsPerPeriod = newPriceCents;
    }

    /** Credits an account gets when it joins this plan: the period's grant plus any sign-up bonus. */
    public long initialGrant() {
        return creditsPerPeriod + signupBonusCredits;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long creditsPerPeriod() {
        return creditsPerPeriod;
    }

    public long signupBonusCredits() {
        return signupBonusCredits;
    }

    public boolean videoAllowed() {
        return videoAllowed;
    }

    public int creditsPerClip() {
        return creditsPerClip;
    }

    public int priceCentsPerPeriod() {
        return priceCentsPerPeriod;
    }
}
