package io.reelforge.interfaces.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.AccountService;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/** {@code /v1/account}: the caller's plan, balance, in-flight jobs and limits, and its credit ledger. */
@Path("v1/account")
@Tag(name = "account", description = "The calling key's account and its credit ledger")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    CallerContext caller;

    @Inject
    AccountService accounts;

    @GET
    @Operation(operationId = "getAccount", summary = "The caller's plan, balance, in-flight jobs and limits")
    @APIResponse(responseCode = "200", description = "The account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Account")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    public AccountService.AccountView get() {
        return accounts.view(caller.get());
    }

    @GET
    @Path("ledger")
    @Operation(operationId = "getLedger", summary = "The account's credit ledger, newest first",
            description = "The balance is always the sum of these entries.")
    @APIResponse(responseCode = "200", description = "A page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LedgerPage")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "422", ref = RestApplication.UNPROCESSABLE)
    public PageDto<LedgerEntryDto> ledger(
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") Integer limit,
            @Parameter(description = "The previous page's next_cursor.") @QueryParam("cursor") String cursor) {
        int size = PageDto.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<LedgerEntry> rows = accounts.ledger(caller.get(), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size + 1);
        return PageDto.of(rows, size, LedgerEntryDto::of, e -> new Cursor(e.createdAt(), e.id()));
    }

    /** One ledger entry on the wire. */
    @Schema(name = "LedgerEntry", description = "One credit movement; amount is signed (debits are negative).")
    public record LedgerEntryDto(
            @Schema(name = "id", required = true) String id,
            @Schema(name = "kind", required = true, enumeration = {"grant", "debit", "refund", "adjustment"}) String kind,
            @Schema(name = "amount", required = true, type = SchemaType.INTEGER, format = "int64", example = "-90") long amount,
            @Schema(name = "generation_id", required = true, nullable = true) String generationId,
            @Schema(name = "reason", required = true, nullable = true, example = "canceled") String reason,
            @Schema(name = "actor", required = true, nullable = true, description = "Who made the movement: `system`,"
                    + " `console` (an operator of this appliance; which one is not told), or `api-key:` and the calling key's prefix.")
            String actor,
            @Schema(name = "created_at", required = true, type = SchemaType.STRING, format = "date-time")
            java.time.Instant createdAt) {
        static LedgerEntryDto of(LedgerEntry e) {
            return new LedgerEntryDto(e.id(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.amount(),
                    e.generationId(), e.reason(), customerFacing(e.actor()), e.createdAt());
        }

        /** A customer learns that an operator moved their credits, never which console user did (the audit log says). */
        static String customerFacing(String actor) {
            return actor != null && actor.startsWith("console:") ? "console" : actor;
        }
    }
}
