package io.reelforge.domain.model.console;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A console login. The password is kept only as a bcrypt hash (Shiro's format). Guessing is slowed by the login
 * service's throttle (per address and per name, in memory), never by a lock stored here that anyone could trigger.
 */
@Entity
@Table(name = "RF_CONSOLE_USER")
public class ConsoleUser {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsoleRole role;

    /** Set for a password someone else chose (the first admin's printed one): it must be replaced first. */
    @Column(nullable = false)
    private boolean mustChangePassword;

    /** Columns of the former hard lockout, kept for the schema's sake and no longer used. */
    @Column(nullable = false)
    private int failedLogins;

    @SuppressWarnings("unused")
    private Instant lockedUntil;

    /**
     * A disabled user cannot log in, and a session already open loses every permission at its next call. A
     * wrapper: rows older than the column read as null, meaning not disabled.
     */
    private Boolean disabled;

    @Column(nullable = false)
    private Instant createdAt;

    /** The last successful sign-in (the console's or the admin API's first call of a session); null before any. */
    private Instant lastSignInAt;

    /**
     * Where the user signs in: null for a local user (the password hash above), otherwise the directory
     * ({@link ConsoleUserSource}) that vouches for them at each sign-in; such a user has no local password.
     */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private ConsoleUserSource source;

    @Version
    private long version;

    protected ConsoleUser() {
    }

    public ConsoleUser(String username, String passwordHash, ConsoleRole role, boolean mustChangePassword, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = now;
    }

    /**
     * A user a directory vouched for, made at their first sign-in. The hash column holds a marker no password
     * can match; the local realm refuses such users anyway.
     */
    public static ConsoleUser fromDirectory(String username, ConsoleUserSource source, ConsoleRole role, Instant now) {
        if (source == ConsoleUserSource.LOCAL) {
            throw new IllegalArgumentException("a directory user needs a directory source");
        }
        ConsoleUser u = new ConsoleUser(username, "!" + source.name().toLowerCase(java.util.Locale.ROOT), role, false, now);
        u.source = source;
        return u;
    }

    public ConsoleUserSource source() {
        return source == null ? ConsoleUserSource.LOCAL : source;
    }

    public boolean isLocal() {
        return source() == ConsoleUserSource.LOCAL;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
    }

    /** An admin set a one-time password: it must be replaced at the next login. */
    public void resetPassword(String oneTimeHash) {
        this.passwordHash = oneTimeHash;
        this.mustChangePassword = true;
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public void changeRole(ConsoleRole newRole) {
        this.role = newRole;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public boolean isDisabled() {
        return Boolean.TRUE.equals(disabled);
    }

    /** What the role allows, or nothing at all while the user is disabled. */
    public java.util.Set<String> permissions() {
        return isDisabled() ? java.util.Set.of() : role.permissions();
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public ConsoleRole role() {
        return role;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
