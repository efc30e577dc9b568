package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.console.LiveSettingsAdmin;
import io.reelforge.application.console.LiveSettingsAdmin.LiveSetting;
import io.reelforge.application.console.SettingsAdmin;
import io.reelforge.application.console.SettingsAdmin.SettingsView;
import io.reelforge.application.console.SettingsDraft;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ConsoleCredentialsRequired;

/**
 * {@code /v1/admin/settings}: what the console's Settings page shows and changes (retention, the storage root,
 * the URL signing key), for console users with HTTP Basic credentials; {@code settings:read} reads,
 * {@code settings:update} changes. A change is in effect on every appliance sharing the database within seconds.
 * {@code /v1/admin/settings/live} lists and changes the settings tunable at run time (render timeout, retention,
 * rate limits, the default engine, the djl engine's model family, ...; see {@code TunableSetting}).
 */
@Path("v1/admin/settings")
@Tag(name = "admin")
@SecurityRequirement(name = RestApplication.CONSOLE_BASIC)
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminSettingsResource {

    @Inject
    SettingsAdmin settings;

    @Inject
    LiveSettingsAdmin live;

    @GET
    @Operation(operationId = "getSettings", summary = "The run-time settings and the URL signing key's state")
    @APIResponse(responseCode = "200", description = "The settings.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Settings")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    public SettingsView get() {
        return settings.view();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSettings", summary = "Change the retention or the storage root",
            description = "A field left out keeps its value. A new retention applies to clips completed from then on; "
                    + "a new storage root to new clips (older ones are still served from where they are).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SettingsUpdateRequest")))
    @APIResponse(responseCode = "200", description = "The settings after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Settings")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "422", description = "invalid_type, settings.invalid (retention_days 1 to 3650), "
            + "or why the storage root is refused (outside reelforge.storage.allowed-base, a system folder, not writable).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public SettingsView update(InputStream body) throws IOException {
        Map<String, Object> f = RequestFields.json(body);
        SettingsDraft draft = settings.draft();
        Object days = f.get("retention_days");
        if (days != null) {
            try {
                draft.setRetentionDays(((java.math.BigDecimal) days).intValueExact());
            } catch (ClassCastException | ArithmeticException e) {
                throw ReelforgeException.validation("retention_days", "invalid_type", "retention_days must be a whole number.");
            }
        }
        Object root = f.get("storage_root");
        if (root != null) {
            if (!(root instanceof String s)) {
                throw ReelforgeException.validation("storage_root", "invalid_type", "storage_root must be a string.");
            }
            draft.setStorageRoot(s);
        }
        settings.save(draft);
        return settings.view();
    }

    @POST
    @Path("url-key/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateUrlKey", summary = "A new URL signing key for every appliance",
            description = "With cut_off false (the default) URLs signed with the old key keep working until they would "
                    + "have expired anyway (reelforge.output.url-ttl); with true they stop at once (a leaked key).")
    @RequestBody(description = "Optional; an empty body keeps old URLs working until they expire.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UrlKeyRotateRequest")))
    @APIResponse(responseCode = "200", description = "The settings after the rotation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Settings")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "422", description = "invalid_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response rotateUrlKey(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        Object cutOff = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank() ? null
                : RequestFields.json(new java.io.ByteArrayInputStream(bytes)).get("cut_off");
        if (cutOff != null && !(cutOff instanceof Boolean)) {
            throw ReelforgeException.validation("cut_off", "invalid_type", "cut_off must be true or false.");
        }
        settings.rotateUrlKey(Boolean.TRUE.equals(cutOff));
        return Response.ok(settings.view()).build();
    }

    @GET
    @Path("live")
    @Operation(operationId = "listLiveSettings", summary = "The settings that can be changed while the appliance runs")
    @APIResponse(responseCode = "200", description = "Each with its value now and as configured.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveSettingList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    public Map<String, Object> listLive() {
        return Map.of("data", live.list());
    }

    @PUT
    @Path("live/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeLiveSetting", summary = "Change a setting without a restart",
            description = "Stored in the database: in effect on every appliance sharing it within seconds, and after a "
                    + "restart, until put back with DELETE. Each change is an audit line (settings:live).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "LiveSettingUpdateRequest")))
    @APIResponse(responseCode = "200", description = "The setting after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveSetting")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = "setting.not_found: no setting of that name can be changed at run time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "value_required, invalid_type, settings.invalid (why the value is "
            + "refused), or settings.host_only.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public LiveSetting changeLive(@PathParam("name") String name, InputStream body) throws IOException {
        return live.change(name, value(body));
    }

    @DELETE
    @Path("live/{name}")
    @Operation(operationId = "resetLiveSetting", summary = "Put a setting back to its configured value")
    @APIResponse(responseCode = "200", description = "The setting as configured.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveSetting")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = "setting.not_found.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "settings.host_only.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public LiveSetting resetLive(@PathParam("name") String name) {
        return live.reset(name);
    }

    /** The {@code value} of a {@code {"value": "..."}} body: text, as in the properties file. */
    static String value(InputStream body) throws IOException {
        Object v = RequestFields.json(body).get("value");
        if (v == null) {
            throw ReelforgeException.validation("value", "value_required", "Give the new value as {\"value\": \"...\"}.");
        }
        if (!(v instanceof String s)) {
            throw ReelforgeException.validation("value", "invalid_type", "value must be a string, e.g. \"PT30S\" or \"60\".");
        }
        return s;
    }
}
