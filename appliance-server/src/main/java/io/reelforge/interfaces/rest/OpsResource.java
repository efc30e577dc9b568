package io.reelforge.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.reelforge.application.ops.LedgerReconciliation;
import io.reelforge.application.ops.Maintenance;
import io.reelforge.infrastructure.security.OpsAccess;

/** {@code /ops}: what the {@code reelforge} CLI asks of a running appliance (loopback and token only). */
@Path("ops")
@OpsAccess
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    /** The body of a create-admin call. */
    public record NewAdmin(String username) {
    }

    @Inject
    Maintenance maintenance;

    @Inject
    LedgerReconciliation reconciliation;

    @POST
    @Path("backup")
    public Maintenance.Backup backup() {
        return maintenance.backup();
    }

    @POST
    @Path("console-users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Maintenance.Credentials createAdmin(NewAdmin body) {
        return maintenance.createAdmin(body == null ? null : body.username());
    }

    @POST
    @Path("console-users/{username}/password-reset")
    public Maintenance.Credentials resetPassword(@PathParam("username") String username) {
        return maintenance.resetPassword(username);
    }

    /** Accounts whose stored balance disagrees with their ledger (an empty list when every one agrees). */
    @GET
    @Path("ledger/reconciliation")
    public LedgerReconciliation.Report reconcileLedger() {
        return reconciliation.reconcile();
    }
}
