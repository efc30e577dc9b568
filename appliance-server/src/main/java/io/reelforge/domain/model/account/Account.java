package io.reelforge.domain.model.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.reelforge.domain.model.generation.Resolution;

/**
 * A customer of the appliance (an internal team or app). The row is also the lock that serialises an account's
 * submissions, and it carries the account's balance: the running sum of its ledger, moved by the ledger itself in
 * the same statement sequence as each entry (never written through this entity), so admission reads one row however
 * long the ledger grows. {@code reelforge ledger reconcile} checks it against the ledger.
 */
@Entity
@Table(name = "RF_ACCOUNT")
public class Account {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 120)
    private String name;

    /** The name in lower case, unique (RF_ACCOUNT_NAMEKEY): the database's guard against two accounts of one name. */
    @Column(nullable = false, length = 120, unique = true)
    private String nameKey;

    @ManyToOne(optional = false)
    private Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status;

    /** Queued + processing jobs allowed at once. */
    @Column(nullable = false)
    private int maxConcurrentJobs;

    /** Clips a day (UTC) at most; null for no daily cap. */
    private Integer dailyClipCap;

    /** Comma-separated wire names ("720p,1080p"); null or empty allows every resolution. */
    @Column(length = 100)
    private String allowedResolutions;

    @Column(nullable = false)
    private Instant createdAt;

    /**
     * Credits: the sum of the account's ledger entries. Written only by the ledger repository's UPDATE beside each
     * entry (hence not updatable here: a stale copy of this entity can never write it back).
     */
    @Column(nullable = false, updatable = false)
    private long balance;

    /**
     * How far below zero the database lets the balance go (CHECK RF_ACCOUNT_BALANCE_FLOOR: balance + overdraft >= 0):
     * 0 except after an audited overdraw adjustment, which sets it to the depth it reached; it shrinks as the balance
     * climbs back. Written only by the ledger repository, like the balance.
     */
    @Column(nullable = false, updatable = false)
    private long overdraft;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String name, Plan plan, int maxConcurrentJobs, Instant now) {
        this.id = UUID.randomUUID().toString();
        rename(name);
        this.plan = plan;
        this.status = AccountStatus.ACTIVE;
        this.maxConcurrentJobs = maxConcurrentJobs;
        this.createdAt = now;
    }

    public void rename(String newName) {
        this.name = newName;
        this.nameKey = keyOf(newName);
    }

    /** How names are compared: "Acme" and "ACME" are one name. */
    public static String keyOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** Moves the account to another plan; credits already granted stay, the next period's grant follows the plan. */
    public void changePlan(Plan newPlan) {
        this.plan = newPlan;
    }

    public void limitConcurrentJobs(int max) {
        this.maxConcurrentJobs = max;
    }

    /** At most {@code cap} clips per UTC day; null lifts the cap. */
    public void capDailyClips(Integer cap) {
        this.dailyClipCap = cap;
    }

    public java.util.OptionalInt dailyClipCap() {
        return dailyClipCap == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(dailyClipCap);
    }

    /** Limits the account to these resolutions; an empty set (or every one) means no limit. */
    public void allowResolutions(java.util.Set<Resolution> allowed) {
        this.allowedResolutions = allowed == null || allowed.isEmpty() || allowed.containsAll(java.util.EnumSet.allOf(Resolution.class))
                ? null
                : allowed.stream().sorted().map(Resolution::wireName).collect(java.util.stream.Collectors.joining(","));
    }

    /** The resolutions this account may order (every one when it is not limited). */
    public java.util.Set<Resolution> allowedResolutions() {
        if (allowedResolutions == null || allowedResolutions.isBlank()) {
            return java.util.EnumSet.allOf(Resolution.class);
        }
        java.util.Set<Resolution> set = java.util.EnumSet.noneOf(Resolution.class);
        for (String name : allowedResolutions.split(",")) {
            Resolution.fromWire(name.trim()).ifPresent(set::add);
        }
        return set;
    }

    public boolean allows(Resolution resolution) {
        return allowedResolutions().contains(resolution);
    }

    /** A disabled account's keys stop working at once (checked on every request), and come back on enable. */
    public void setActive(boolean active) {
        this.status = active ? AccountStatus.ACTIVE : AccountStatus.DISABLED;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Plan plan() {
        return plan;
    }

    public AccountStatus status() {
        return status;
    }

    public int maxConcurrentJobs() {
        return maxConcurrentJobs;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
