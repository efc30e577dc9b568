package io.reelforge.interfaces.rest;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.reelforge.application.console.LiveSettingsAdmin;
import io.reelforge.application.console.LiveSettingsAdmin.LiveSetting;
import io.reelforge.application.maintenance.Maintenance;
import io.reelforge.application.ops.LedgerReconciliation;
import io.reelforge.infrastructure.security.OpsAccess;
import io.reelforge.infrastructure.security.OpsContext;

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

    @Inject
    LiveSettingsAdmin live;

    @Inject
    OpsContext ops;

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

    /** The run-time tunable settings, as {@code GET /v1/admin/settings/live} lists them. */
    @GET
    @Path("settings")
    public java.util.Map<String, List<LiveSetting>> settings() {
        ops.requireAdministrator();
        return java.util.Map.of("data", live.listFromHost());
    }

    /** As {@code PUT /v1/admin/settings/live/{name}}, host-only settings (the sandbox engine's pacing) included. */
    @PUT
    @Path("settings/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public LiveSetting changeSetting(@PathParam("name") String name, InputStream body) throws IOException {
        String actor = ops.requireAdministrator();
        return live.changeFromHost(actor, name, AdminSettingsResource.value(body));
    }

    @DELETE
    @Path("settings/{name}")
    public LiveSetting resetSetting(@PathParam("name") String name) {
        return live.resetFromHost(ops.requireAdministrator(), name);
    }
}
