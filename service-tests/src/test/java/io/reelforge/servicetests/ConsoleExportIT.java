package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.console.AccountUsage;
import io.reelforge.application.console.AuditLog;
import io.reelforge.application.console.GenerationAdmin;
import io.reelforge.domain.model.console.AuditQuery;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.ledger.LedgerQuery;
import io.reelforge.infrastructure.config.Settings;

/**
 * The console's three CSV exports ({@link GenerationAdmin}, {@link AccountUsage}, {@link AuditLog}) in the server's
 * own transactions, each reading its rows through one cursor a thousand at a time: more rows than a batch, sharing
 * their creation time nine at a time so that the batch boundary falls inside a tie, come out once each in the grid's
 * order (newest first, then by id), and the generations export leaves its audit line.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleExportIT {

    private static final int ROWS = 2_345;

    @Inject
    Fixtures fixtures;

    @Inject
    GenerationAdmin generations;

    @Inject
    AccountUsage usage;

    @Inject
    AuditLog audit;

    @Inject
    ConsoleUserRepository users;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private String account;
    private String actor;

    @BeforeEach
    void rows() {
        fixtures.ready();
        account = fixtures.account(1000);
        actor = "svc-export-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.exportRows(account, actor, ROWS, 9, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void eachExportWritesEveryRowOnceInTheGridsOrder() throws Exception {
        String admin = settings.consoleAdminUser();
        GenerationQuery ofAccount = new GenerationQuery(account, null, null, null, null, null, null, List.of());
        AuditQuery exportsOfAdmin = new AuditQuery(admin, "generations:export", null, null);
        long exportsBefore = as(admin, () -> audit.count(exportsOfAdmin));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AsConsoleUser.run(users, admin, () -> generations.exportCsv(ofAccount, bytes));
        assertEquals(as(admin, () -> generations.page(ofAccount, 0, ROWS + 1).stream().map(GenerationAdmin.GenerationRow::id)
                .toList()), column(bytes.toString(StandardCharsets.UTF_8), 0, "id"));
        assertEquals(exportsBefore + 1, (long) as(admin, () -> audit.count(exportsOfAdmin)), "the export's audit line");

        LedgerQuery adjustments = new LedgerQuery(account, Set.of(io.reelforge.domain.model.ledger.EntryKind.ADJUSTMENT),
                null, null, null);
        StringWriter ledger = new StringWriter();
        AsConsoleUser.run(users, admin, () -> usage.exportCsv(adjustments, ledger));
        assertEquals(as(admin, () -> usage.ledger(adjustments, 0, ROWS + 1).stream().map(AccountUsage.LedgerRow::id).toList()),
                column(ledger.toString(), 6, "entry_id"));

        AuditQuery byActor = new AuditQuery(actor, null, null, null);
        StringWriter lines = new StringWriter();
        AsConsoleUser.run(users, admin, () -> audit.exportCsv(byActor, lines));
        assertEquals(as(admin, () -> audit.page(byActor, 0, ROWS + 1).stream().map(AuditLog.AuditView::detail).toList()),
                column(lines.toString(), 5, "detail"));
    }

    /** One column of every data line, after checking the header names it there; the rows' count is checked by the caller. */
    private static List<String> column(String csv, int index, String name) {
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals(name, lines.get(0).split(",")[index], lines.get(0));
        List<String> values = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[index]).toList();
        assertEquals(ROWS, values.size(), "data lines");
        return values;
    }

    private <T> T as(String username, Callable<T> call) throws Exception {
        return AsConsoleUser.call(users, username, call);
    }
}
