package io.reelforge.application.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.reelforge.domain.model.console.ConsoleUserName;

/**
 * What the console edits about a console user: the name (chosen once), the role and whether it is disabled.
 * Passwords are never part of it: a new user and a reset get a one-time password from the service.
 */
public class UserDraft {

    private boolean existing;

    @NotBlank(message = "Give the user a name")
    @Pattern(regexp = ConsoleUserName.PATTERN, message = ConsoleUserName.RULE)
    private String username = "";

    @NotBlank(message = "Choose a role")
    @Pattern(regexp = "viewer|operator|admin", message = "viewer, operator or admin")
    private String role = "viewer";

    private boolean disabled;

    public boolean isExisting() {
        return existing;
    }

    public void setExisting(boolean existing) {
        this.existing = existing;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }
}
