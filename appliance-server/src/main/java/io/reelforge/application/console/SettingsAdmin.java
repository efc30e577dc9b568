package io.reelforge.application.console;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.reelforge.application.OutputStorage;
import io.reelforge.application.ops.ApplianceFolders;
import io.reelforge.application.render.RenderLimits;
import io.reelforge.domain.model.safety.SafetyRepository;
import io.reelforge.domain.model.safety.SafetyTerm;
import io.reelforge.domain.model.settings.SettingChanged;
import io.reelforge.domain.model.settings.SettingRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The appliance's settings, for admins: output retention, the storage root, the safety policy's terms and the
 * URL-signing key. Changes are stored in the database and take effect when their transaction commits, without
 * a restart; each is an audit line.
 */
@ApplicationScoped
@Transactional
public class SettingsAdmin {

    /** What the settings page shows; disk figures are of the file system holding the current root. */
    public record SettingsView(int retentionDays, String storageRoot, List<String> previousRoots, long diskFreeBytes,
                               long diskTotalBytes, Instant urlKeyCreatedAt, Instant previousUrlKeyValidUntil,
                               Duration urlTtl, String storageAllowedBase) {
    }

    public record TermRow(String id, String category, String phrase) {
    }

    @Inject
    SettingRepository stored;

    @Inject
    Event<SettingChanged> changed;

    @Inject
    ApplianceFolders folders;

    @Inject
    RenderLimits limits;

    @Inject
    SafetyRepository safety;

    @Inject
    UrlKeys signer;

    @Inject
    OutputStorage outputs;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public SettingsView view() {
        ConsoleSubject.require("settings:read");
        Path root = outputs.root();
        OutputStorage.Space disk = outputs.space();
        UrlKeys.KeyState key = signer.state(clock.instant());
        return new SettingsView(retentionDays(), root.toString(),
                folders.previousStorageRoots().stream().filter(p -> !StorageRootRule.isSystemFolder(p)).map(Path::toString).toList(), disk.freeBytes(), disk.totalBytes(),
                key.createdAt(), key.previousValidUntil(), signer.ttl(), folders.storageAllowedBase().toString());
    }

    public SettingsDraft draft() {
        SettingsView v = view();
        SettingsDraft d = new SettingsDraft();
        d.setRetentionDays(v.retentionDays());
        d.setStorageRoot(v.storageRoot());
        return d;
    }

    /** Applies what differs from the current settings. A new storage root applies to new outputs only. */
    public void save(SettingsDraft draft) {
        String actor = ConsoleSubject.require("settings:update");
        Drafts.check(validator, draft, "settings.invalid");
        // Compared in whole days, as the form shows it: saving the storage root alone never rounds a configured
        // sub-day retention (a test setting) to a day.
        if (draft.getRetentionDays() != retentionDays()) {
            audit.record(actor, "settings:retention", RenderLimits.OUTPUT_RETENTION,
                    retentionDays() + " -> " + draft.getRetentionDays() + " days (clips completed from now on)");
            put(RenderLimits.OUTPUT_RETENTION, Duration.ofDays(draft.getRetentionDays()).toString(), actor);
        }
        Path current = folders.storageRoot();
        if (Path.of(draft.getStorageRoot().trim()).normalize().equals(current)) {
            return;
        }
        Path root = rootRule().check(draft.getStorageRoot());
        if (!root.equals(current)) {
            List<String> previous = new ArrayList<>();
            if (!StorageRootRule.isSystemFolder(current)) {
                previous.add(current.toString());
            }
            folders.previousStorageRoots().stream().map(Path::toString)
                    // Once the console took any folder: a system folder chosen then is not kept as an earlier root.
                    .filter(p -> !p.equals(root.toString()) && !previous.contains(p) && !StorageRootRule.isSystemFolder(Path.of(p)))
                    .forEach(previous::add);
            put(ApplianceFolders.PREVIOUS_STORAGE_ROOTS, String.join("\n", previous), actor);
            put(ApplianceFolders.STORAGE_ROOT, root.toString(), actor);
            audit.record(actor, "settings:storage-root", ApplianceFolders.STORAGE_ROOT, current + " -> " + root + " (new outputs)");
        }
    }

    private int retentionDays() {
        return (int) Math.max(1, limits.outputRetention().toDays());
    }

    public List<TermRow> safetyTerms() {
        ConsoleSubject.require("settings:read");
        return safety.all().stream().map(t -> new TermRow(t.id(), t.category(), t.phrase())).toList();
    }

    /** Blocks a word or phrase from the next submission on; the phrase is stored folded, as the policy matches. */
    public void addSafetyTerm(SafetyTermDraft draft) {
        String actor = ConsoleSubject.require("settings:update");
        Drafts.check(validator, draft, "safety.invalid");
        SafetyTerm term = new SafetyTerm(draft.getCategory(), draft.getPhrase(), clock.instant());
        if (term.phrase().isEmpty()) {
            throw ReelforgeException.validation("phrase", "safety.invalid", "The phrase has no letters or digits.");
        }
        if (safety.exists(term.category(), term.phrase())) {
            throw ReelforgeException.conflict("safety.exists", "\"" + term.phrase() + "\" is already blocked under " + term.category() + ".");
        }
        safety.store(term);
        audit.record(actor, "settings:safety-add", term.id(), term.category() + ": " + term.phrase());
    }

    public void removeSafetyTerm(String id) {
        String actor = ConsoleSubject.require("settings:update");
        SafetyTerm term = safety.find(id).orElseThrow(() -> ReelforgeException.notFound("safety_term", id));
        safety.remove(term);
        audit.record(actor, "settings:safety-remove", id, term.category() + ": " + term.phrase());
    }

    /**
     * A new URL-signing key. With {@code cutOff} false, links already handed out keep working until they would
     * have expired anyway (the URL lifetime); with true they stop at once (for a leaked key).
     */
    public void rotateUrlKey(boolean cutOff) {
        String actor = ConsoleSubject.require("settings:update");
        Instant until = cutOff ? null : clock.instant().plus(signer.ttl());
        signer.rotate(until);
        audit.record(actor, "settings:url-key-rotated", null,
                cutOff ? "old links cut off" : "old links valid until " + until);
    }

    private void put(String name, String value, String actor) {
        stored.put(name, value, actor, clock.instant());
        changed.fire(new SettingChanged(name));
    }

    /** The rule for a storage root chosen in the console: under the allowed base, the appliance's own, no system folder. */
    private StorageRootRule rootRule() {
        Path data = folders.dataDir();
        return new StorageRootRule(folders.storageAllowedBase(), List.of(folders.keysDir(), data.resolve("db"),
                data.resolve("run"), data.resolve("backups"), data.resolve("logs"), folders.modelsDir(),
                folders.modelImportDir(), folders.djlCacheDir()), System.getProperty("user.name"));
    }
}
