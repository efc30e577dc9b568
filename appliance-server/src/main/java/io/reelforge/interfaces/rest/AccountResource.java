package io.reelforge.interfaces.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.reelforge.application.AccountService;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/** {@code /v1/account}: the caller's plan, balance, in-flight jobs and limits, and its credit ledger. */
@Path("v1/account")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    CallerContext caller;

    @Inject
    AccountService accounts;

    @GET
    public AccountService.AccountView get() {
        return accounts.view(caller.get());
    }

    @GET
    @Path("ledger")
    public PageDto<LedgerEntryDto> ledger(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = PageDto.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<LedgerEntry> rows = accounts.ledger(caller.get(), after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size + 1);
        return PageDto.of(rows, size, LedgerEntryDto::of, e -> new Cursor(e.createdAt(), e.id()));
    }

    /** One ledger entry on the wire. */
    public record LedgerEntryDto(String id, String kind, long amount, String generationId, String reason, String actor,
                                 java.time.Instant createdAt) {
        static LedgerEntryDto of(LedgerEntry e) {
            return new LedgerEntryDto(e.id(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.amount(),
                    e.generationId(), e.reason(), e.actor(), e.createdAt());
        }
    }
}
