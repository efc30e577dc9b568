package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.console.AccountAdmin;
import io.reelforge.application.console.AccountDraft;
import io.reelforge.application.console.KeyAdmin;
import io.reelforge.application.console.LedgerAdmin;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ConsoleCredentialsRequired;

/**
 * {@code /v1/admin/accounts}: what the console's Accounts and API keys pages do, for scripts and provisioning
 * (tests, onboarding automation), with a console user's HTTP Basic credentials and that user's role. The same
 * application services as the console, so the same permissions, checks and audit entries.
 */
@Path("v1/admin")
@Tag(name = "admin")
@SecurityRequirement(name = RestApplication.CONSOLE_BASIC)
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    private static final String ACCOUNT_ID = "The account's id.";
    private static final String NOT_FOUND = "No such account (or plan, or key of this account): not_found.";
    private static final String NAME_TAKEN = "Another account has this name (names are compared without case): "
            + "account.name_taken, param name.";
    private static final String INVALID = "A field of the wrong type or out of range (invalid_type, account.invalid, "
            + "ledger.zero, ledger.no_reason, ledger.out_of_range), with param naming it.";

    @Inject
    AccountAdmin accounts;

    @Inject
    KeyAdmin keys;

    @Inject
    LedgerAdmin ledger;

    @GET
    @Path("plans")
    @Operation(operationId = "listPlans", summary = "The credit plans an account can be put on")
    @APIResponse(responseCode = "200", description = "Every plan.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PlanList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    public Map<String, List<AccountAdmin.PlanOption>> plans() {
        return Map.of("data", accounts.plans());
    }

    @GET
    @Path("accounts")
    @Operation(operationId = "listAccounts", summary = "Accounts, oldest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of accounts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAccountList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "422", description = "offset or limit out of range: invalid_page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Map<String, Object> list(
            @Parameter(description = "How many to skip (default 0).") @QueryParam("offset") String offset,
            @Parameter(description = "Page size, 1 to 500 (default 100).") @QueryParam("limit") String limit) {
        int from = intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = intParam("limit", limit, 100, 1, 500);
        List<AdminAccount> page = accounts.page(from, size).stream().map(AdminAccountsResource::account).toList();
        return Map.of("data", page, "total", accounts.count());
    }

    @GET
    @Path("accounts/{id}")
    @Operation(operationId = "getAdminAccount", summary = "One account with its quotas and balance")
    @APIResponse(responseCode = "200", description = "The account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAccount")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public AdminAccount get(@Parameter(description = ACCOUNT_ID, required = true) @PathParam("id") String id) {
        return account(id);
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Create an account on a plan (it gets the plan's first grant)")
    @APIResponse(responseCode = "201", description = "The new account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAccount")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "409", description = NAME_TAKEN,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "415", description = "The body is not JSON: unsupported_media_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = INVALID,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "AdminAccountRequest"))) InputStream body) throws IOException {
        AccountDraft draft = new AccountDraft();
        apply(draft, RequestFields.json(body));
        String id = accounts.save(draft);
        return Response.status(Response.Status.CREATED).entity(account(id)).build();
    }

    @PATCH
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAccount", summary = "Change an account's name, plan, quotas or status (fields not sent stay)")
    @APIResponse(responseCode = "200", description = "The account after the change.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminAccount")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "409", description = NAME_TAKEN,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "415", description = "The body is not JSON: unsupported_media_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = INVALID,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public AdminAccount update(@Parameter(description = ACCOUNT_ID, required = true) @PathParam("id") String id,
                               @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       schema = @Schema(ref = "AdminAccountRequest"))) InputStream body) throws IOException {
        AccountDraft draft = accounts.draftOf(id);
        apply(draft, RequestFields.json(body));
        accounts.save(draft);
        return account(id);
    }

    @GET
    @Path("accounts/{id}/keys")
    @Operation(operationId = "listAccountKeys", summary = "An account's API keys (prefixes only; a key is shown once, at creation)")
    @APIResponse(responseCode = "200", description = "The keys, revoked ones included.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminKeyList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Map<String, List<AdminKey>> listKeys(@Parameter(description = ACCOUNT_ID, required = true) @PathParam("id") String id) {
        accounts.one(id);
        return Map.of("data", keys.keys(id).stream().map(k -> AdminKey.of(k, null)).toList());
    }

    @POST
    @Path("accounts/{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccountKey", summary = "Create a live or test API key; the whole key is in this answer only")
    @APIResponse(responseCode = "201", description = "The key, with the whole key in key (only its hash is kept).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminKey")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "415", description = "The body is not JSON: unsupported_media_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "mode is not live or test, or name not a string: invalid_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response createKey(@Parameter(description = ACCOUNT_ID, required = true) @PathParam("id") String id,
                              @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      schema = @Schema(ref = "AdminKeyRequest"))) InputStream body) throws IOException {
        Map<String, Object> fields = RequestFields.json(body);
        KeyMode mode = switch (optionalText(fields, "mode", "live")) {
            case "live" -> KeyMode.LIVE;
            case "test" -> KeyMode.TEST;
            default -> throw ReelforgeException.validation("mode", "invalid_type", "mode is live or test.");
        };
        KeyAdmin.NewKey created = keys.create(id, mode, optionalText(fields, "name", null));
        return Response.status(Response.Status.CREATED).entity(AdminKey.of(created.key(), created.plaintext())).build();
    }

    @DELETE
    @Path("accounts/{id}/keys/{keyId}")
    @Operation(operationId = "revokeAccountKey", summary = "Revoke a key: its next /v1 call is 401")
    @APIResponse(responseCode = "204", description = "Revoked (revoking a revoked key changes nothing).")
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response revokeKey(@Parameter(description = ACCOUNT_ID, required = true) @PathParam("id") String id,
                              @Parameter(description = "The key's id.", required = true) @PathParam("keyId") String keyId) {
        if (keys.keys(id).stream().noneMatch(k -> k.id().equals(keyId))) {
            throw ReelforgeException.notFound("api_key", keyId);
        }
        keys.revoke(keyId);
        return Response.noContent().build();
    }

    @POST
    @Path("accounts/{id}/credits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adjustAccountCredits", summary = "Grant (positive) or deduct (negative) credits, with a reason",
            description = "Written to the account's ledger as an adjustment and to the audit log, as in the console. A grant "
                    + "needs ledger:grant (operators and admins), a deduction ledger:deduct (admins); a deduction never "
                    + "leaves the balance below zero unless allow_negative is true, which needs ledger:overdraw (admins) "
                    + "and is audited as ledger:overdraw.")
    @APIResponse(responseCode = "200", description = "The balance after the adjustment.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminBalance")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "409", description = "The deduction would leave the balance below zero and allow_negative "
            + "is not true: ledger.negative_balance.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "415", description = "The body is not JSON: unsupported_media_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = INVALID,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Map<String, Long> adjust(@Parameter(description = ACCOUNT_ID, required = true) @PathParam("id") String id,
                                    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "AdminCreditAdjustment"))) InputStream body) throws IOException {
        Map<String, Object> fields = RequestFields.json(body);
        Long amount = whole(fields, "amount", Long.MIN_VALUE + 1, Long.MAX_VALUE);
        if (amount == null) {
            throw ReelforgeException.validation("amount", "invalid_type", "amount is required (a whole number of credits).");
        }
        Object allowNegative = fields.getOrDefault("allow_negative", Boolean.FALSE);
        if (!(allowNegative instanceof Boolean)) {
            throw ReelforgeException.validation("allow_negative", "invalid_type", "allow_negative must be true or false.");
        }
        accounts.one(id);
        return Map.of("balance", ledger.adjust(id, amount, optionalText(fields, "reason", null), (Boolean) allowNegative));
    }

    /** An account on the wire. */
    public record AdminAccount(String id, String name, String plan, String status, int maxConcurrentJobs,
                               Integer dailyClipCap, List<String> allowedResolutions, long balance) {
    }

    /** A key on the wire; {@code key} only in the answer that created it. */
    public record AdminKey(String id, String prefix, String mode, String name, java.time.Instant createdAt,
                           java.time.Instant lastUsedAt, java.time.Instant revokedAt, String key) {
        static AdminKey of(KeyAdmin.KeyRow r, String plaintext) {
            return new AdminKey(r.id(), r.prefix(), r.mode(), r.name(), r.createdAt(), r.lastUsedAt(), r.revokedAt(), plaintext);
        }
    }

    private AdminAccount account(String id) {
        return account(accounts.one(id));
    }

    private static AdminAccount account(AccountAdmin.AccountRow row) {
        return new AdminAccount(row.id(), row.name(), row.planId(), row.status(), row.maxConcurrentJobs(),
                row.dailyClipCap(), row.resolutions(), row.balance());
    }

    /** Copies the fields that are present onto the draft; the application service validates the result. */
    private static void apply(AccountDraft d, Map<String, Object> f) {
        if (f.containsKey("name")) {
            d.setName(requiredText(f, "name"));
        }
        if (f.containsKey("plan")) {
            d.setPlanId(requiredText(f, "plan"));
        }
        if (f.containsKey("max_concurrent_jobs")) {
            Long jobs = whole(f, "max_concurrent_jobs", 1, 1000);
            if (jobs == null) {
                throw ReelforgeException.validation("max_concurrent_jobs", "invalid_type", "max_concurrent_jobs is a whole number from 1 to 1000.");
            }
            d.setMaxConcurrentJobs(jobs.intValue());
        }
        if (f.containsKey("daily_clip_cap")) {
            Long cap = whole(f, "daily_clip_cap", 1, 1_000_000);
            d.setDailyClipCap(cap == null ? null : cap.intValue());
        }
        if (f.containsKey("allowed_resolutions")) {
            List<String> allowed = RequestFields.strings(f, "allowed_resolutions");
            d.setAllowedResolutions(allowed == null ? null : new java.util.LinkedHashSet<>(allowed));
        }
        if (f.containsKey("status")) {
            String status = requiredText(f, "status").toLowerCase(Locale.ROOT);
            if (!status.equals("active") && !status.equals("disabled")) {
                throw ReelforgeException.validation("status", "invalid_type", "status is active or disabled.");
            }
            d.setActive(status.equals("active"));
        }
    }

    /** A whole number in range, or null when the field is null; anything else is refused naming the field. */
    private static Long whole(Map<String, Object> f, String name, long min, long max) {
        Object v = f.get(name);
        if (v == null) {
            return null;
        }
        try {
            if (v instanceof BigDecimal n) {
                long value = n.longValueExact();
                if (value >= min && value <= max) {
                    return value;
                }
            }
        } catch (ArithmeticException e) {
            // not whole, or too large: refused below
        }
        throw ReelforgeException.validation(name, "invalid_type", name + " must be a whole number from " + min + " to " + max + ".");
    }

    private static String requiredText(Map<String, Object> f, String name) {
        if (!(f.get(name) instanceof String s) || s.isBlank()) {
            throw ReelforgeException.validation(name, "invalid_type", name + " must be a non-empty string.");
        }
        return s;
    }

    private static String optionalText(Map<String, Object> f, String name, String otherwise) {
        Object v = f.get(name);
        if (v == null) {
            return otherwise;
        }
        if (!(v instanceof String s)) {
            throw ReelforgeException.validation(name, "invalid_type", name + " must be a string.");
        }
        return s;
    }

    private static int intParam(String name, String value, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ReelforgeException.validation(name, "invalid_page", name + " must be a whole number from " + min + " to " + max + ".");
    }
}
