package io.reelforge.interfaces.rest;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application and the OpenAPI document's frame (served at {@code /openapi}, rendered at
 * {@code /docs/}): the API key scheme and the error responses every operation refers to by name.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "Reelforge API", version = "1",
                description = "Self-hosted text-to-video. Submit a clip, poll it, download the MP4 through its signed URL. "
                        + "Every failure is {\"error\": {\"type\", \"code\", \"message\", \"param\"}}."),
        security = @SecurityRequirement(name = "apiKey"),
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
                                description = "Authorization: Bearer rf_live_… (charged) or rf_test_… (sandbox, free)"),
                        @SecurityScheme(securitySchemeName = RestApplication.CONSOLE_BASIC, type = SecuritySchemeType.HTTP,
                                scheme = "basic", description = "The admin API (/v1/admin): a console user's name and "
                                        + "password on every call (curl -u admin:…); never an API key or a session.")},
                responses = {
                        @APIResponse(name = RestApplication.BAD_REQUEST, responseCode = "400",
                                description = "The body is not readable: invalid_json (also data after the object), json_too_deep "
                                        + "(nested over 32 levels), duplicate_key (param names the key), empty_body, malformed_body; "
                                        + "or the request itself: invalid_path (an encoded /, \\ or ., a dot segment, a malformed "
                                        + "percent-escape such as %zz, bytes that are not UTF-8), malformed_request (e.g. a "
                                        + "Content-Type or request line that cannot be parsed).",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "invalid_json", value = "{\"error\":{\"type\":\"invalid_request_error\","
                                                + "\"code\":\"invalid_json\",\"message\":\"The request body is not valid JSON: …\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.UNAUTHORIZED, responseCode = "401",
                                description = "No key, a malformed header, an unknown or revoked key: missing_api_key, "
                                        + "invalid_authorization, invalid_api_key, api_key_revoked.",
                                headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "missing_api_key", value = "{\"error\":{\"type\":\"authentication_error\","
                                                + "\"code\":\"missing_api_key\",\"message\":\"No API key. Send it as 'Authorization: Bearer <key>'.\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.NOT_FOUND, responseCode = "404",
                                description = "No such generation for this account (another account's id is 404 too): generation.not_found.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.UNPROCESSABLE, responseCode = "422",
                                description = "A field breaks its rule; param names it: prompt_required, prompt_too_long, "
                                        + "unsupported_resolution, unsupported_duration, invalid_type, invalid_seed, invalid_limit, "
                                        + "invalid_status, invalid_cursor, invalid_<name> (a query parameter of the wrong type), "
                                        + "image_too_many_pixels, image_corrupt, duplicate_field, "
                                        + "image_not_supported (the active model is text-to-video), image_required (it is "
                                        + "image-to-video).",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "unsupported_resolution", value = "{\"error\":{\"type\":"
                                                + "\"invalid_request_error\",\"code\":\"unsupported_resolution\",\"message\":"
                                                + "\"resolution '4k' is not supported; use one of: 720p, 1080p.\",\"param\":\"resolution\"}}"))),
                        @APIResponse(name = RestApplication.ACCEPTED, responseCode = "202",
                                description = "Accepted: the generation, queued (or failed at once with safety.prompt, refunded).",
                                headers = @Header(name = "Location", description = "GET this URL to poll the generation.",
                                        schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = "Generation"))),
                        @APIResponse(name = RestApplication.INSUFFICIENT_CREDITS, responseCode = "402",
                                description = "The balance is below the clip's price: insufficient_credits.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.PLAN_WITHOUT_VIDEO, responseCode = "403",
                                description = "The plan does not include video (live keys): plan_without_video.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.TOO_LARGE, responseCode = "413",
                                description = "The body or image is too large: request_too_large, image_too_large.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                                description = "Neither JSON nor multipart, or an image that is not PNG, JPEG or WebP: "
                                        + "unsupported_media_type, image_unsupported_format.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.TOO_MANY_IN_FLIGHT, responseCode = "429",
                                description = "A limit that time lifts: the account's jobs-at-once quota is full "
                                        + "(concurrency_limit_exceeded), its daily clip cap is reached (daily_clip_cap_exceeded), "
                                        + "or the key made its plan's requests of the minute (rate_limit_exceeded).",
                                headers = @Header(name = "Retry-After", description = "Seconds until the first in-flight job "
                                        + "is expected to finish, until the cap resets at midnight UTC, or until the next minute's requests.",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.RATE_LIMITED, responseCode = "429",
                                description = "The key made its plan's requests of the current minute: rate_limit_exceeded.",
                                headers = @Header(name = "Retry-After", description = "Seconds until the next minute's requests.",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "rate_limit_exceeded", value = "{\"error\":{\"type\":"
                                                + "\"rate_limit_error\",\"code\":\"rate_limit_exceeded\",\"message\":\"This API key "
                                                + "made its 1200 requests of the current minute (its plan's request rate). Retry after "
                                                + "41 s.\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.WEBHOOK_NOT_FOUND, responseCode = "404",
                                description = "No such endpoint or delivery for this account (another account's id is 404 too): "
                                        + "webhook.not_found, delivery.not_found.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "webhook.not_found", value = "{\"error\":{\"type\":"
                                                + "\"not_found_error\",\"code\":\"webhook.not_found\",\"message\":\"No webhook "
                                                + "with id we_0.\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.WEBHOOK_DISABLED, responseCode = "409",
                                description = "The delivery's endpoint is disabled (a 410 turned it off): enable it first. "
                                        + "webhook.disabled.",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "webhook.disabled", value = "{\"error\":{\"type\":"
                                                + "\"conflict_error\",\"code\":\"webhook.disabled\",\"message\":\"The endpoint of "
                                                + "this delivery is disabled; enable it first (POST /v1/webhooks/we_…/enable, or Enable in "
                                                + "the console's Webhooks page).\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.INVALID_PAGE, responseCode = "422",
                                description = "limit is not 1 to 100 (invalid_limit), or cursor is not one this API returned "
                                        + "(invalid_cursor).",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "invalid_limit", value = "{\"error\":{\"type\":"
                                                + "\"invalid_request_error\",\"code\":\"invalid_limit\",\"message\":\"limit must "
                                                + "be from 1 to 100.\",\"param\":\"limit\"}}"))),
                        @APIResponse(name = RestApplication.ADMIN_UNAUTHORIZED, responseCode = "401",
                                description = "No or unusable credentials: missing_credentials, invalid_authorization (not "
                                        + "Basic, e.g. an API key), invalid_credentials (also a disabled user). Too many failed sign-ins: 429 login_throttled with Retry-After.",
                                headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "missing_credentials", value = "{\"error\":{\"type\":"
                                                + "\"authentication_error\",\"code\":\"missing_credentials\",\"message\":"
                                                + "\"The admin API needs a console user's credentials: 'Authorization: Basic "
                                                + "base64(user:password)'.\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.ADMIN_FORBIDDEN, responseCode = "403",
                                description = "The first admin's printed password must be replaced first "
                                        + "(password_change_required), or the role lacks the permission (permission_denied).",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "permission_denied", value = "{\"error\":{\"type\":"
                                                + "\"permission_error\",\"code\":\"permission_denied\",\"message\":\"Your console "
                                                + "role does not allow this: …\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.MODEL_NOT_FOUND, responseCode = "404",
                                description = "An unknown family (family.unknown) or version (version.unknown).",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR),
                                        examples = @ExampleObject(name = "version.unknown", value = "{\"error\":{\"type\":"
                                                + "\"not_found_error\",\"code\":\"version.unknown\",\"message\":\"No version 9 "
                                                + "of wan2.1-t2v-1.3b in the registry.\",\"param\":null}}"))),
                        @APIResponse(name = RestApplication.REGISTRY_UNAVAILABLE, responseCode = "503",
                                description = "No djl engine, or its registry cannot be opened (model_registry_unavailable); "
                                        + "the registry's storage failed (storage.failed); imports are off (import_unavailable).",
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR))),
                        @APIResponse(name = RestApplication.UNAVAILABLE, responseCode = "503",
                                description = "The engine is not ready (engine_not_ready, engine_unavailable), the appliance "
                                        + "is shutting down (shutting_down, with Retry-After) or its output storage is down "
                                        + "(storage_unavailable, with Retry-After).",
                                headers = @Header(name = "Retry-After", description = "Seconds; set for shutting_down and storage_unavailable.",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = "application/json", schema = @Schema(ref = RestApplication.ERROR)))
                }))
public class RestApplication extends Application {

    static final String ERROR = "#/components/schemas/Error";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String NOT_FOUND = "NotFound";
    static final String UNPROCESSABLE = "Unprocessable";
    static final String UNAVAILABLE = "Unavailable";
    static final String ACCEPTED = "Accepted";
    static final String INSUFFICIENT_CREDITS = "InsufficientCredits";
    static final String PLAN_WITHOUT_VIDEO = "PlanWithoutVideo";
    static final String TOO_LARGE = "TooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    static final String TOO_MANY_IN_FLIGHT = "TooManyInFlight";
    static final String RATE_LIMITED = "RateLimited";
    static final String WEBHOOK_NOT_FOUND = "WebhookNotFound";
    static final String WEBHOOK_DISABLED = "WebhookDisabled";
    static final String INVALID_PAGE = "InvalidPage";
    static final String CONSOLE_BASIC = "consoleBasic";
    static final String ADMIN_UNAUTHORIZED = "AdminUnauthorized";
    static final String ADMIN_FORBIDDEN = "AdminForbidden";
    static final String MODEL_NOT_FOUND = "ModelNotFound";
    static final String REGISTRY_UNAVAILABLE = "RegistryUnavailable";

    @Override
    public Map<String, Object> getProperties() {
        // Jersey's multipart support (EntityPart) is not on by default.
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature",
                "jersey.config.server.wadl.disableWadl", true);
    }
}
