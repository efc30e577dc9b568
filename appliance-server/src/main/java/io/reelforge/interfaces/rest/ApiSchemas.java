package io.reelforge.interfaces.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shapes the OpenAPI document needs that no Java type has: the request bodies (parsed field by field by
 * {@link ClipRequestParser} and {@link RequestFields}, which report each broken rule as a 422), the concrete pages
 * of the generic {@link PageDto} and the {@code {"data": [...]}} lists (their items are pointed at their schema by
 * {@link OpenApiTidy}), and the admin API's engines and model versions, whose wire format is {@code ModelAdmin}'s
 * records. Documentation only; nothing is built from them, and the end-to-end tests check real answers against them.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "GenerateRequest", description = "A clip to render.",
            example = "{\"prompt\": \"A cinematic drone shot gliding over a misty mountain valley at dawn\", "
                    + "\"resolution\": \"1080p\", \"duration\": 5}")
    record GenerateRequest(
            @Schema(name = "prompt", required = true, minLength = 1, maxLength = 2000,
                    example = "A cinematic drone shot gliding over a misty mountain valley at dawn")
            String prompt,
            @Schema(name = "resolution", enumeration = {"720p", "1080p"}, defaultValue = "1080p")
            String resolution,
            @Schema(name = "duration", enumeration = {"5"}, defaultValue = "5", description = "Seconds.")
            Integer duration,
            @Schema(name = "camera_fixed", defaultValue = "false", description = "Lock the virtual camera.")
            Boolean cameraFixed,
            @Schema(name = "seed", type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "4294967295",
                    description = "Same prompt and seed give the same clip; random when absent.")
            Long seed,
            @Schema(name = "negative_prompt", maxLength = 2000)
            String negativePrompt) {
    }

    @Schema(name = "GenerateForm", description = "The JSON fields as form parts, plus an optional start image.")
    record GenerateForm(
            @Schema(name = "prompt", required = true, minLength = 1, maxLength = 2000)
            String prompt,
            @Schema(name = "resolution", enumeration = {"720p", "1080p"}, defaultValue = "1080p")
            String resolution,
            @Schema(name = "duration", defaultValue = "5")
            String duration,
            @Schema(name = "camera_fixed", defaultValue = "false")
            String cameraFixed,
            @Schema(name = "seed")
            String seed,
            @Schema(name = "negative_prompt")
            String negativePrompt,
            @Schema(name = "image", type = SchemaType.STRING, format = "binary",
                    description = "PNG, JPEG or WebP; at most 10 MiB, 8192 px a side, 40 MP.")
            String image) {
    }

    @Schema(name = "GenerationPage", description = "A page of generations, newest first.")
    record GenerationPage(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = GenerationDto.class) List<GenerationDto> data,
            @Schema(name = "has_more", required = true) boolean hasMore,
            @Schema(name = "next_cursor", required = true, nullable = true,
                    description = "Pass as cursor to get the next page, while has_more.") String nextCursor) {
    }

    @Schema(name = "LedgerPage", description = "A page of ledger entries, newest first.")
    record LedgerPage(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = AccountResource.LedgerEntryDto.class) List<AccountResource.LedgerEntryDto> data,
            @Schema(name = "has_more", required = true) boolean hasMore,
            @Schema(name = "next_cursor", required = true, nullable = true) String nextCursor) {
    }

    @Schema(name = "DeliveryPage", description = "A page of webhook delivery attempts, newest first.")
    record DeliveryPage(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = WebhookDtos.Delivery.class) List<WebhookDtos.Delivery> data,
            @Schema(name = "has_more", required = true) boolean hasMore,
            @Schema(name = "next_cursor", required = true, nullable = true) String nextCursor) {
    }

    @Schema(name = "WebhookCreateRequest", description = "A webhook endpoint to create for the calling key's account.",
            example = "{\"url\": \"https://cms.internal/hooks/reelforge\", \"events\": [\"video.completed\", "
                    + "\"video.failed\"], \"description\": \"CMS\"}")
    record WebhookCreateRequest(
            @Schema(name = "url", required = true, maxLength = 2000, example = "https://cms.internal/hooks/reelforge",
                    description = "An absolute http(s) URL without credentials or #fragment. A literal loopback, link-local, "
                            + "metadata, unspecified or multicast address is refused (webhook_url_refused) unless allow-listed.")
            String url,
            @Schema(name = "events", type = SchemaType.ARRAY, implementation = String.class,
                    description = "Any of video.completed, video.failed, video.canceled, video.expired; absent or empty: all.")
            List<String> events,
            @Schema(name = "description", maxLength = 200, example = "CMS")
            String description) {
    }

    @Schema(name = "WebhookEndpointList", description = "The account's endpoints, oldest first, without secrets.")
    record WebhookEndpointList(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = WebhookDtos.Endpoint.class)
            List<WebhookDtos.Endpoint> data) {
    }

    @Schema(name = "Engine", description = "A render engine and, for the djl engine, the model family it renders.")
    record Engine(
            @Schema(name = "id", required = true, example = "djl") String id,
            @Schema(name = "ready", required = true, example = "true") boolean ready,
            @Schema(name = "default_engine", required = true, example = "true",
                    description = "Whether live keys render on it.") boolean defaultEngine,
            @Schema(name = "device", required = true, nullable = true, example = "cpu") String device,
            @Schema(name = "detail", required = true, nullable = true, example = "ready",
                    description = "What it runs on, or why it is not ready.") String detail,
            @Schema(name = "family", required = true, nullable = true, example = "wan2.1-t2v-1.3b",
                    description = "The model family; djl only.") String family,
            @Schema(name = "active_version", required = true, nullable = true, example = "2",
                    description = "The family's active version; djl only.") String activeVersion) {
    }

    @Schema(name = "EngineList", description = "Every engine of the appliance.")
    record EngineList(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = Engine.class) List<Engine> data) {
    }

    @Schema(name = "ModelVersion", description = "A version of a model family in the djl engine's registry.")
    record ModelVersion(
            @Schema(name = "family", required = true, example = "wan2.1-t2v-1.3b") String family,
            @Schema(name = "version", required = true, example = "2") String version,
            @Schema(name = "name", required = true, nullable = true, example = "wan2.1-t2v-1.3b",
                    description = "From its manifest; null when that cannot be read.") String name,
            @Schema(name = "status", required = true, enumeration = {"pending", "ready", "failed"}, example = "ready",
                    description = "pending while it is copied and verified.") String status,
            @Schema(name = "reason", required = true, nullable = true, description = "Why it failed.",
                    example = "component vae_decoder is missing: vae_decoder.pt") String reason,
            @Schema(name = "imported_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            java.time.Instant importedAt,
            @Schema(name = "active", required = true, example = "true") boolean active,
            @Schema(name = "previous", required = true, example = "false",
                    description = "The version a rollback returns to.") boolean previous,
            @Schema(name = "native_sizes", required = true, type = SchemaType.ARRAY, implementation = String.class,
                    example = "[\"832x480\", \"480x832\"]") List<String> nativeSizes,
            @Schema(name = "fps", required = true, nullable = true, example = "16") Integer fps,
            @Schema(name = "steps", required = true, nullable = true, example = "50") Integer steps) {
    }

    @Schema(name = "ModelVersionList", description = "Every family's versions.")
    record ModelVersionList(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = ModelVersion.class)
            List<ModelVersion> data) {
    }

    @Schema(name = "Upstream", description = "An upstream server of the remote engine; its key is never shown.")
    record Upstream(
            @Schema(name = "id", required = true, nullable = true, example = "7f1c2f4e-8a8b-4f1e-9d7a-0c2b1e5a9d31",
                    description = "Null for one configured in reelforge.engine.remote.upstreams (read-only).") String id,
            @Schema(name = "base_url", required = true, example = "http://gpu-1:8000/v1") String baseUrl,
            @Schema(name = "managed", required = true, example = "true", description = "Added in the console or the admin API.")
            boolean managed,
            @Schema(name = "enabled", required = true, example = "true") boolean enabled,
            // Not keySet: Payara's generator takes a method whose name contains "set" for a setter and fails.
            @Schema(name = "key_set", required = true, example = "true", description = "Whether a key is stored (added ones).")
            boolean keyStored,
            @Schema(name = "max_in_flight", required = true, example = "2") int maxInFlight,
            @Schema(name = "healthy", required = true, example = "true") boolean healthy,
            @Schema(name = "health", required = true, example = "up",
                    description = "up, why not (unreachable: ..., health answered 503, refused: ...), disabled or not checked yet.")
            String health,
            @Schema(name = "busy", required = true, example = "false", description = "Cooling down after a 429 or 503.") boolean busy,
            @Schema(name = "in_flight", required = true, example = "1") int inFlight,
            @Schema(name = "created_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            java.time.Instant createdAt,
            @Schema(name = "created_by", required = true, nullable = true, example = "console:admin") String createdBy,
            @Schema(name = "updated_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            java.time.Instant updatedAt,
            @Schema(name = "updated_by", required = true, nullable = true, example = "console:admin") String updatedBy) {
    }

    @Schema(name = "UpstreamList", description = "Every upstream: configured ones first, then the added ones.")
    record UpstreamList(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = Upstream.class) List<Upstream> data) {
    }

    @Schema(name = "UpstreamCreateRequest", description = "An upstream to add.",
            example = "{\"base_url\": \"http://gpu-1:8000/v1\", \"max_in_flight\": 2, \"api_key\": \"sk-...\"}")
    record UpstreamCreateRequest(
            @Schema(name = "base_url", required = true, example = "http://gpu-1:8000/v1",
                    description = "An http(s) base URL ending in /v1, without credentials or query.") String baseUrl,
            @Schema(name = "max_in_flight", example = "2", description = "Renders at once on it, 1 to 1000; 1 when absent.")
            Integer maxInFlight,
            @Schema(name = "api_key", example = "sk-...", description = "Sent as Bearer to it; stored sealed, never shown again.")
            String apiKey) {
    }

    @Schema(name = "UpstreamUpdateRequest", description = "Enable or disable.", example = "{\"enabled\": false}")
    record UpstreamUpdateRequest(@Schema(name = "enabled", required = true, example = "false") boolean enabled) {
    }

    @Schema(name = "UpstreamTest", description = "A connection test's outcome.")
    record UpstreamTest(
            @Schema(name = "base_url", required = true, example = "http://gpu-1:8000/v1") String baseUrl,
            @Schema(name = "up", required = true, example = "true") boolean up,
            @Schema(name = "detail", required = true, example = "up",
                    description = "up, or why not: the key was refused (401), unreachable: ..., refused: ...") String detail) {
    }

    @Schema(name = "ModelImportRequest", description = "A package on the server to import.",
            example = "{\"path\": \"wan21-t2v-1.3b-v2\"}")
    record ModelImportRequest(
            @Schema(name = "path", required = true, example = "wan21-t2v-1.3b-v2",
                    description = "A package folder, .zip or .tar, absolute or relative to reelforge.models.import-dir, "
                            + "which it must lie in.") String path) {
    }

    @Schema(name = "ModelUpload", description = "A package uploaded as a file part.")
    record ModelUpload(
            @Schema(name = "package", required = true, type = SchemaType.STRING, format = "binary",
                    description = ".zip or .tar (the file name says which), at most reelforge.models.upload.max-bytes.")
            String pkg) {
    }

    @Schema(name = "PasswordChange", description = "The signed-in console user's current and new password.",
            example = "{\"current\": \"the printed one\", \"password\": \"a long new passphrase\"}")
    record PasswordChange(
            @Schema(name = "current", required = true) String current,
            @Schema(name = "password", required = true, minLength = 12, description = "At least 12 characters.") String password) {
    }

    @Schema(name = "PlanOption", description = "A credit plan an account can be put on.")
    record PlanOption(@Schema(name = "id", required = true, example = "starter") String id,
                @Schema(name = "name", required = true, example = "Starter") String name) {
    }

    @Schema(name = "PlanList", description = "Every credit plan.")
    record PlanList(@Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = PlanOption.class) List<PlanOption> data) {
    }

    @Schema(name = "AdminAccount", description = "An account with its plan, quotas and balance.")
    record AdminAccount(
            @Schema(name = "id", required = true, example = "0f8e3c6a-6b1d-4c53-9a57-1a2b3c4d5e6f") String id,
            @Schema(name = "name", required = true, example = "Marketing") String name,
            @Schema(name = "plan", required = true, example = "starter") String plan,
            @Schema(name = "status", required = true, enumeration = {"active", "disabled"}, example = "active") String status,
            @Schema(name = "max_concurrent_jobs", required = true, example = "5",
                    description = "Queued + processing jobs at once.") int maxConcurrentJobs,
            @Schema(name = "daily_clip_cap", required = true, nullable = true, example = "100",
                    description = "Clips per UTC day; null for no cap.") Integer dailyClipCap,
            @Schema(name = "allowed_resolutions", required = true, type = SchemaType.ARRAY, implementation = String.class,
                    example = "[\"720p\", \"1080p\"]") List<String> allowedResolutions,
            @Schema(name = "balance", required = true, example = "10000", description = "Credits.") long balance) {
    }

    @Schema(name = "AdminAccountList", description = "A page of accounts.")
    record AdminAccountList(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = AdminAccount.class) List<AdminAccount> data,
            @Schema(name = "total", required = true, example = "12") long total) {
    }

    @Schema(name = "AdminAccountRequest", description = "An account to create, or the fields to change (PATCH: those sent).",
            example = "{\"name\": \"Marketing\", \"plan\": \"starter\", \"max_concurrent_jobs\": 5}")
    record AdminAccountRequest(
            @Schema(name = "name", maxLength = 120, example = "Marketing", description = "Required to create.") String name,
            @Schema(name = "plan", example = "starter", defaultValue = "starter") String plan,
            @Schema(name = "max_concurrent_jobs", minimum = "1", maximum = "1000", defaultValue = "5") Integer maxConcurrentJobs,
            @Schema(name = "daily_clip_cap", nullable = true, minimum = "1", maximum = "1000000") Integer dailyClipCap,
            @Schema(name = "allowed_resolutions", type = SchemaType.ARRAY, implementation = String.class,
                    description = "Empty or absent: every resolution.") List<String> allowedResolutions,
            @Schema(name = "status", enumeration = {"active", "disabled"}, defaultValue = "active") String status) {
    }

    @Schema(name = "AdminKey", description = "An API key; the whole key only in the answer that created it.")
    record AdminKey(
            @Schema(name = "id", required = true) String id,
            @Schema(name = "prefix", required = true, example = "rf_live_AbC123") String prefix,
            @Schema(name = "mode", required = true, enumeration = {"live", "test"}, example = "live") String mode,
            @Schema(name = "name", required = true, nullable = true, example = "ci") String name,
            @Schema(name = "created_at", required = true, type = SchemaType.STRING, format = "date-time") String createdAt,
            @Schema(name = "last_used_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            String lastUsedAt,
            @Schema(name = "revoked_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            String revokedAt,
            @Schema(name = "key", required = true, nullable = true,
                    description = "The whole key when just created (shown once), else null.") String key) {
    }

    @Schema(name = "AdminKeyList", description = "An account's keys.")
    record AdminKeyList(@Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = AdminKey.class) List<AdminKey> data) {
    }

    @Schema(name = "AdminKeyRequest", description = "A key to create.", example = "{\"mode\": \"live\", \"name\": \"ci\"}")
    record AdminKeyRequest(
            @Schema(name = "mode", enumeration = {"live", "test"}, defaultValue = "live",
                    description = "test keys render on the sandbox engine and are never charged.") String mode,
            @Schema(name = "name", maxLength = 120) String name) {
    }

    @Schema(name = "AdminCreditAdjustment", description = "A manual grant (positive) or deduction (negative).",
            example = "{\"amount\": 1000, \"reason\": \"goodwill for the outage\"}")
    record AdminCreditAdjustment(
            @Schema(name = "amount", required = true, example = "1000") long amount,
            @Schema(name = "reason", required = true, example = "goodwill for the outage") String reason,
            @Schema(name = "allow_negative", defaultValue = "false", description = "Let this deduction leave the balance "
                    + "below zero (ledger:overdraw, admins; audited). Without it such a deduction is 409 ledger.negative_balance.")
            Boolean allowNegative) {
    }

    @Schema(name = "AdminBalance", description = "The balance after an adjustment.")
    record AdminBalance(@Schema(name = "balance", required = true, example = "11000") long balance) {
    }

    @Schema(name = "Settings", description = "The run-time settings (shared by every appliance on the database).")
    record Settings(
            @Schema(name = "retention_days", required = true, example = "7") int retentionDays,
            @Schema(name = "storage_root", required = true, example = "/var/lib/reelforge/outputs") String storageRoot,
            @Schema(name = "previous_roots", required = true, type = SchemaType.ARRAY, implementation = String.class,
                    description = "Roots used before, newest first: older clips are still served from there.")
            List<String> previousRoots,
            @Schema(name = "disk_free_bytes", required = true, example = "74218553344") long diskFreeBytes,
            @Schema(name = "disk_total_bytes", required = true, example = "107374182400") long diskTotalBytes,
            @Schema(name = "url_key_created_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            java.time.Instant urlKeyCreatedAt,
            @Schema(name = "previous_url_key_valid_until", required = true, nullable = true, type = SchemaType.STRING,
                    format = "date-time", description = "Until when URLs signed with the key before the last rotation work; null: they do not.")
            java.time.Instant previousUrlKeyValidUntil,
            @Schema(name = "url_ttl", required = true, type = SchemaType.STRING, example = "PT1H",
                    description = "How long a signed URL works (reelforge.output.url-ttl), ISO-8601.") String urlTtl,
            @Schema(name = "storage_allowed_base", required = true, example = "/var/lib/reelforge") String storageAllowedBase) {
    }

    @Schema(name = "SettingsUpdateRequest", description = "The settings to change; a field left out keeps its value.",
            example = "{\"retention_days\": 14}")
    record SettingsUpdateRequest(
            @Schema(name = "retention_days", example = "14", description = "1 to 3650.") Integer retentionDays,
            @Schema(name = "storage_root", example = "/var/lib/reelforge/outputs-2",
                    description = "A folder under reelforge.storage.allowed-base, for new clips.") String storageRoot) {
    }

    @Schema(name = "LiveSetting", description = "A setting an operator may change while the appliance runs; the changed "
            + "value wins over the configured one on every appliance sharing the database, and survives restarts.")
    record LiveSetting(
            @Schema(name = "name", required = true, example = "reelforge.render.timeout") String name,
            @Schema(name = "value", required = true, nullable = true, example = "PT15M",
                    description = "In effect now; null: not set at all (a plan's rate is then reelforge.ratelimit.requests-per-minute).")
            String value,
            @Schema(name = "configured", required = true, nullable = true, example = "PT10M",
                    description = "From the configuration (properties file, environment, system property): applies when not changed.")
            String configured,
            @Schema(name = "changed", required = true, example = "true", description = "Whether a run-time change is in effect.")
            boolean changed,
            @Schema(name = "host_only", required = true, example = "false",
                    description = "Changed only from the appliance's host (/ops), never through this API (test pacing).")
            boolean hostOnly,
            @Schema(name = "effect", required = true, example = "the time limit of renders started from now on") String effect,
            @Schema(name = "updated_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            java.time.Instant updatedAt,
            @Schema(name = "updated_by", required = true, nullable = true, example = "console:admin") String updatedBy) {
    }

    @Schema(name = "LiveSettingList", description = "Every setting that can be changed at run time, a request rate per plan included.")
    record LiveSettingList(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = LiveSetting.class) List<LiveSetting> data) {
    }

    @Schema(name = "LiveSettingUpdateRequest", description = "The new value, as text in the setting's own format.",
            example = "{\"value\": \"PT15M\"}")
    record LiveSettingUpdateRequest(
            @Schema(name = "value", required = true, example = "PT15M", description = "ISO-8601 durations (PT30S), whole "
                    + "numbers, auto or a number for render slots, comma-separated lists; see docs/configuration.md.") String value) {
    }

    @Schema(name = "UrlKeyRotateRequest", description = "How to treat URLs signed with the old key.", example = "{\"cut_off\": false}")
    record UrlKeyRotateRequest(@Schema(name = "cut_off", example = "false",
            description = "true: old URLs stop at once; false (default): they work until they expire.") Boolean cutOff) {
    }
}
