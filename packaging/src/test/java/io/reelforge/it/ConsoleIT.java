package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import com.standardwebhooks.Webhook;

import io.reelforge.fixtures.TinyFixtures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (Debian's headless chromium, driven through its chromedriver so
 * nothing is downloaded) against the real bundle: the first admin's printed password, the forced change,
 * an account and a live key created in the console and used over HTTP at once, the generation seen in the
 * console, the key revoked (401 right away), a webhook endpoint and its deliveries, logout. Saves a screenshot
 * of each view. Its own appliance: webhooks may reach the test's receiver on 127.0.0.1 here, and the settings
 * the console changes touch no other test.
 */
class ConsoleIT {

    private static Appliance appliance;
    private static Receiver receiver;
    /**
     * One chromium kept through the tests, cleared between them (a chromium start and a first load of the console's
     * bundle cost some seconds of CPU each, and this class used to start eleven); see {@link ConsoleBrowser.Kept}.
     */
    private static final ConsoleBrowser.Kept browsers = new ConsoleBrowser.Kept(() -> java.util.List.of(appliance.baseUrl()));
    private ConsoleBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void boot() throws Exception {
        receiver = new Receiver();
        appliance = Appliance.start("console", Map.of("engine.sandbox.min-render-time", "PT3S",
                "webhooks.allow-addresses", "127.0.0.1", "webhooks.retry-schedule", "PT1S",
                "console.login.user-max-delay", "PT3S",
                "engine.remote.allow-addresses", "127.0.0.1"));
    }

    @AfterAll
    static void down() throws Exception {
        browsers.close();
        if (appliance != null) {
            appliance.close();
        }
        receiver.close();
    }

    @BeforeEach
    void browser() throws Exception {
        browser = browsers.take();
        driver = browser.driver;
        wait = waitOn(driver);
    }

    /** A second browser, besides the kept one, which the test quits. */
    private static WebDriver newBrowser() throws Exception {
        return ConsoleBrowser.chromium();
    }

    /** Fails on any Content-Security-Policy violation the browser reported so far. */
    private void noPolicyViolations() {
        for (org.openqa.selenium.logging.LogEntry e : driver.manage().logs().get("browser")) {
            assertTrue(!e.getMessage().contains("Content Security Policy"), e.getMessage());
        }
    }

    /** Hands the kept browser back, cleared, for the next test (one that the test quit is not kept). */
    @AfterEach
    void close() {
        ConsoleBrowser last = browser;
        browser = null;
        driver = null;
        if (last != null) {
            last.close();
        }
    }

    @Test
    void adminCreatesAccountAndKeyUsesItThenRevokesIt() throws Exception {
        String base = appliance.baseUrl();

        signInAsAdmin();
        shown("status-cards");
        screenshot("dashboard");

        open(base + "/admin/accounts");
        click("new-account");
        type("account-name", "Console IT team");
        click("account-save");
        click("new-account");
        type("account-name", "console it TEAM");
        click("account-save");
        // a name taken (whatever its case) is told beside the name, and the form stays open to change it
        WebElement nameField = shown("account-name");
        wait.until(d -> nameField.getDomAttribute("invalid") != null);
        assertTrue(nameField.getDomProperty("errorMessage").contains("There is already an account named console it TEAM"),
                nameField.getDomProperty("errorMessage"));
        click("account-close");
        cell("Console IT team").click();
        idle();
        screenshot("accounts");

        click("account-keys");
        type("key-name", "it live key");
        click("create-key");
        String key = shown("new-key").findElement(By.tagName("input")).getDomProperty("value");
        assertTrue(key.startsWith("rf_live_"), key);
        screenshot("api-key-created");
        click("new-key-done");

        Api api = appliance.api().withKey(key);
        // The account's first grant was made in the console: its customer sees that, not which console user made it.
        JsonNode grant = api.get("/v1/account/ledger").json().path("data").path(0);
        assertEquals("grant", grant.path("kind").asText(), grant.toString());
        assertEquals("console", grant.path("actor").asText(), grant.toString());
        Api.Resp submitted = api.generate(Map.of("prompt", "A lighthouse on a cliff at dusk", "resolution", "720p"));
        assertEquals(202, submitted.status(), submitted.text());
        String generationId = submitted.json().path("generation_id").asText();
        String accountId = api.get("/v1/account").json().path("account_id").asText();
        JsonNode done = api.await(generationId, Duration.ofSeconds(120));
        assertEquals("completed", done.path("status").asText(), done.toString());
        // Another account's generation does not exist for the demo account: 404, never 403.
        Api demo = appliance.api();
        ErrorsIT.assertError(demo.get("/v1/video/" + generationId), 404, "generation.not_found", null);
        ErrorsIT.assertError(demo.post("/v1/video/" + generationId + "/cancel", "application/json", ""), 404,
                "generation.not_found", null);
        assertTrue(demo.get("/v1/video?limit=100").text().indexOf(generationId) < 0, "not listed for another account");

        open(base + "/admin/generations");
        cell(generationId).click();
        shown("generation-video");
        screenshot("generations");

        open(base + "/admin/keys/" + accountId);
        screenshot("api-keys");
        click("revoke-" + key.substring(0, 20));
        click("revoke-cancel");
        assertEquals(200, api.get("/v1/account").status(), "nothing revoked without the confirmation");
        click("revoke-" + key.substring(0, 20));
        click("revoke-confirm");
        wait.until(d -> d.findElements(By.id("revoke-" + key.substring(0, 20))).stream().noneMatch(WebElement::isDisplayed));
        assertEquals(401, api.get("/v1/account").status(), "a revoked key fails at once");

        open(base + "/admin/audit");
        cell("keys:revoke");
        screenshot("audit-log");

        open(base + "/admin/models");
        cell("no active version of wan2.1-t2v-1.3b");
        shown("model-path");
        screenshot("models");

        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertEquals(401, appliance.api().getUrl(base + "/v1/account", Map.of("Cookie", "JSESSIONID=" + session)).status(),
                "a console session does not authorise /v1");
        Api.Resp adminApi = appliance.api().getUrl(base + "/v1/admin/models", Map.of("Cookie", "JSESSIONID=" + session));
        assertEquals(401, adminApi.status(), "nor the admin API: it takes credentials on each call, never a session");
        assertEquals("missing_credentials", adminApi.errorCode());

        noPolicyViolations();
        click("logout");
        shown("username");
        // Signed out, a page asked for shows the sign-in first, then itself.
        open(base + "/admin/audit");
        type("username", "admin");
        type("password", ADMIN_PASSWORD);
        click("sign-in");
        cell("keys:revoke");
        assertTrue(driver.getCurrentUrl().endsWith("/admin/audit"), driver.getCurrentUrl());
        click("logout");
        shown("username");
        open(base + "/admin/accounts");
        shown("username");
    }

    /** The browser-facing security headers on the console and the API, and the session cookie's SameSite. */
    @Test
    void consoleAndApiSendSecurityHeaders() throws Exception {
        String base = appliance.baseUrl();
        for (String url : new String[] {base + "/admin/login", base + "/v1/account", base + "/health/ready"}) {
            Api.Resp r = appliance.api().getUrl(url, Map.of());
            assertEquals("nosniff", r.header("X-Content-Type-Options"), url);
            assertEquals("no-referrer", r.header("Referrer-Policy"), url);
            assertTrue(r.header("Permissions-Policy").contains("camera=()"), url);
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), url);
            assertEquals(null, r.header("Strict-Transport-Security"), "no HSTS over plain HTTP: " + url);
        }
        assertTrue(appliance.api().getUrl(base + "/v1/account", Map.of()).header("Content-Security-Policy")
                .startsWith("default-src 'none'"), "nothing may run from an API answer");
        String cookie = appliance.api().getUrl(base + "/admin/login", Map.of()).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax") && cookie.contains("HttpOnly"), cookie);
    }

    /**
     * Guesses at the admin's password from several addresses (127.0.0.2 and up, all loopback) slow down that address
     * and that name, are audited with their source, unknown names too, and never lock the admin out: once the
     * short per-name delay passes the admin signs in, and can lift the delay on a name at once.
     */
    @Test
    void guessingIsThrottledAndAuditedButNeverLocksTheAdminOut() throws Exception {
        signInAsAdmin(); // the admin's own password is set before the guessing starts
        click("logout");
        // From one address: the first 5 failures are free, then each waits longer (1 s, 2 s, ...); wait them out
        // until the next wait is at least 2 s, so the right password arrives while the address must still wait.
        int heard = 0;
        for (int i = 0; i < 30; i++) {
            Raw r = basicFrom("127.0.0.2", "admin", "not the password " + i);
            if (r.status == 401) {
                heard++;
                continue;
            }
            assertEquals(429, r.status, r.head);
            if (r.retryAfter() >= 2) {
                break;
            }
            Thread.sleep(r.retryAfter() * 1000L);
        }
        assertTrue(heard >= 6 && heard <= 8, heard + " failures heard before a wait of 2 s");
        Raw throttled = basicFrom("127.0.0.2", "admin", ADMIN_PASSWORD);
        assertEquals(429, throttled.status, "while it waits, not even the right password is heard from there");
        assertTrue(throttled.head.contains("login_throttled") && throttled.head.toLowerCase().contains("retry-after:"),
                throttled.head);
        for (int a = 3; a <= 6; a++) {
            basicFrom("127.0.0." + a, "admin", "still guessing");
        }
        basicFrom("127.0.0.7", "no-such-user", "whatever");
        Thread.sleep(3_500); // reelforge.console.login.user-max-delay in this test
        signIn("admin", ADMIN_PASSWORD, null);

        open(appliance.baseUrl() + "/admin/audit");
        cell("wrong password from 127.0.0.2");
        cell("unknown user \"no-such-user\" from 127.0.0.7");
        for (int i = 0; i < 8; i++) {
            basicFrom("127.0.0.9", "admin", "guess " + i);
        }
        open(appliance.baseUrl() + "/admin/users");
        cell("sign-ins slowed after failures");
        cell("admin").click();
        click("user-unlock");
        notification("admin may sign in again without waiting");
        open(appliance.baseUrl() + "/admin/audit");
        cell("users:unlock");
        click("logout");
    }

    private record Raw(int status, String head) {
        long retryAfter() {
            return head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("retry-after:"))
                    .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(-1);
        }
    }

    /** A GET of the admin API with Basic credentials from a chosen loopback address (the JDK's clients cannot bind one). */
    private static Raw basicFrom(String address, String user, String password) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(address, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", java.net.URI.create(appliance.baseUrl()).getPort()));
            String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /v1/admin/engines HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + credentials + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Raw(Integer.parseInt(answer.substring(9, 12)), answer);
        }
    }

    private static final String ADMIN_PASSWORD = "a much longer secret 42";
    private static boolean adminPasswordChanged;

    /**
     * Signs in as the first admin whichever test runs first: with the printed password (then the forced change)
     * the first time, with the chosen one after. Checks the session id changes at login (session fixation).
     */
    private void signInAsAdmin() throws Exception {
        if (!adminPasswordChanged) {
            signIn("admin", appliance.firstAdminPassword(), ADMIN_PASSWORD);
            adminPasswordChanged = true;
        } else {
            signIn("admin", ADMIN_PASSWORD, null);
        }
    }

    /** Signs in; with {@code newPassword}, expects the forced change of a one-time password and makes it. */
    private void signIn(String user, String password, String newPassword) throws Exception {
        open(appliance.baseUrl() + "/admin/login");
        String before = driver.manage().getCookieNamed("JSESSIONID").getValue();
        type("username", user);
        type("password", password);
        click("sign-in");
        if (newPassword != null) {
            shown("change-password-sign-out");
            assertTrue(driver.findElements(By.id("current-password")).stream().noneMatch(WebElement::isDisplayed),
                    "no current password asked after a one-time password: the user just signed in with it");
            type("new-password", newPassword);
            type("repeat-password", newPassword);
            click("change-password");
        }
        shown("status-cards");
        assertNotEquals(before, driver.manage().getCookieNamed("JSESSIONID").getValue(), "a new session id at login");
    }

    /**
     * A package uploaded on the Models page goes through the admin API's import: PENDING at once, then, without a
     * click (the page polls while a version is pending), FAILED with the checksum reason of its corrupt denoiser.
     * A corrupt package fails before any model loads, which keeps this test cheap.
     */
    @Test
    void anUploadedPackageIsImportedAndShowsItsVerdict() throws Exception {
        Path pkg = TinyFixtures.copy("tiny-wan", Files.createTempDirectory("console-upload"), "console-upload");
        byte[] denoiser = Files.readAllBytes(pkg.resolve("denoiser.pt"));
        denoiser[denoiser.length / 2] ^= 0x5a;
        Files.write(pkg.resolve("denoiser.pt"), denoiser);
        Path zip = pkg.resolveSibling("tiny-wan-console-upload.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                java.util.stream.Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.toList()) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }

        signInAsAdmin();
        open(appliance.baseUrl() + "/admin/models");
        WebElement upload = shown("model-upload");
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(zip.toAbsolutePath().toString());
        notification("wan2.1-t2v-1.3b/console-upload is PENDING");
        // the models view redraws its lists while an import is pending: read the cell again if it was replaced
        String reason = wait.until(d -> cell("sha256").getText());
        assertTrue(reason.contains("denoiser"), reason);
        cell("FAILED");
        screenshot("models-upload");
        JsonNode row = appliance.api().asConsoleUser("admin", ADMIN_PASSWORD)
                .get("/v1/admin/models/wan2.1-t2v-1.3b/console-upload").json();
        assertEquals("failed", row.path("status").asText(), row.toString());
    }

    /**
     * An admin adds a remote upstream on the Models page (this appliance's own /v1/videos with its test key),
     * tests its connection, and removes it after a confirmation; the key never reaches the page again.
     */
    @Test
    void adminAddsTestsAndRemovesARemoteUpstream() throws Exception {
        String self = appliance.baseUrl() + "/v1";
        String key = appliance.testKey();
        signInAsAdmin();
        open(appliance.baseUrl() + "/admin/models");
        type("upstream-url", self);
        type("upstream-max", "2");
        type("upstream-key", key);
        click("upstream-add");
        notification(self + " added");
        cell(self);
        click("upstream-test-0");
        notification(self + ": up");
        screenshot("models-upstreams");
        assertFalse(driver.getPageSource().contains(key), "the key is never shown again");
        Api admin = appliance.api().asConsoleUser("admin", ADMIN_PASSWORD);
        JsonNode rows = admin.get("/v1/admin/upstreams").json().path("data");
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).path("key_set").asBoolean() && rows.get(0).path("managed").asBoolean(), rows.toString());
        click("upstream-remove-0");
        click("upstream-remove-confirm");
        wait.until(d -> {
            try {
                return admin.get("/v1/admin/upstreams").json().path("data").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void adminEditsPlansQuotasAndUsersAndAViewerCannotGrant() throws Exception {
        String base = appliance.baseUrl();
        signInAsAdmin();

        // A plan, created in the console.
        open(base + "/admin/plans");
        cell("Starter");
        click("new-plan");
        type("plan-id", "it-team");
        type("plan-name", "IT team plan");
        type("plan-credits", "2000");
        type("plan-clip-price", "45");
        click("plan-save");
        cell("IT team plan");
        screenshot("plans");

        // An account capped at 2 clips a day, 720p only, and a key for it.
        open(base + "/admin/accounts");
        click("new-account");
        type("account-name", "Quota IT team");
        type("account-daily-cap", "2");
        tick("account-resolutions", "720p");
        click("account-save");
        cell("Quota IT team").click();
        idle();
        screenshot("account-quotas");
        click("account-keys");
        type("key-name", "quota key");
        click("create-key");
        String key = shown("new-key").findElement(By.tagName("input")).getDomProperty("value");
        click("new-key-done");
        Api api = appliance.api().withKey(key);

        ErrorsIT.assertError(api.generate(Map.of("prompt", "A harbour at night", "resolution", "1080p")), 403,
                "resolution_not_allowed", "resolution");
        for (int i = 0; i < 2; i++) {
            Api.Resp r = api.generate(Map.of("prompt", "A harbour at night " + i, "resolution", "720p"));
            assertEquals(202, r.status(), r.text());
        }
        Api.Resp capped = api.generate(Map.of("prompt", "A harbour at night 2", "resolution", "720p"));
        ErrorsIT.assertError(capped, 429, "daily_clip_cap_exceeded", null);
        long retryAfter = Long.parseLong(capped.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 86_400, capped.header("Retry-After"));
        JsonNode limits = api.get("/v1/account").json().path("limits");
        assertEquals(2, limits.path("daily_clip_cap").asInt(), limits.toString());
        assertEquals("[\"720p\"]", limits.path("allowed_resolutions").toString());

        // The cap raised in the console: the next clip goes through at once.
        open(base + "/admin/accounts");
        cell("Quota IT team").click();
        type("account-daily-cap", "3");
        click("account-save");
        Api.Resp third = api.generate(Map.of("prompt", "A harbour at night 3", "resolution", "720p"));
        assertEquals(202, third.status(), third.text());
        ErrorsIT.assertError(api.generate(Map.of("prompt", "A harbour at night 4", "resolution", "720p")), 429,
                "daily_clip_cap_exceeded", null);

        // A viewer, created with a one-time password shown once.
        open(base + "/admin/users");
        click("new-user");
        type("user-name", "it-viewer");
        click("user-save");
        String oneTime = shown("one-time-password").findElement(By.tagName("input")).getDomProperty("value");
        assertTrue(oneTime.length() >= 16, oneTime);
        click("one-time-password-done");
        cell("it-viewer");
        screenshot("users");
        click("logout");

        long balance = api.balance();
        signIn("it-viewer", oneTime, "the viewer's own long secret");
        assertTrue(driver.findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Console users')]")).isEmpty(),
                "no users page in a viewer's navigation");
        open(base + "/admin/users");
        notification("Your role does not allow that page.");
        shown("status-cards");
        // A viewer is offered nothing it may not do: no new account, no grant, no save, no key creation.
        open(base + "/admin/accounts");
        cell("Quota IT team").click();
        shown("account-name");
        for (String id : new String[] {"new-account", "grant", "account-save"}) {
            assertTrue(driver.findElements(By.id(id)).stream().noneMatch(WebElement::isDisplayed), id + " shown to a viewer");
        }
        click("account-keys");
        assertTrue(driver.findElements(By.id("create-key")).stream().noneMatch(WebElement::isDisplayed), "create-key shown");
        assertEquals(balance, api.balance(), "no credits granted");
        open(base + "/admin/models");
        shown("upstreams-grid");
        assertTrue(driver.findElements(By.id("upstream-add")).stream().noneMatch(WebElement::isDisplayed),
                "no upstream form for a viewer");
        open(base + "/admin/accounts");
        cell("Quota IT team");

        // Disabled by the admin (in another browser) while signed in: the viewer's next step is a clean sign-in page.
        WebDriver viewer = driver;
        WebDriverWait viewerWait = wait;
        driver = newBrowser();
        wait = waitOn(driver);
        try {
            signInAsAdmin();
            open(base + "/admin/users");
            cell("it-viewer").click();
            click("user-disabled");
            click("user-save");
            cell("disabled");
            cell("it-viewer").click();
            click("user-reset");
            click("reset-password-cancel");
            open(base + "/admin/audit");
            cell("users:disable");
            cell("users:create");
            assertTrue(driver.getPageSource().indexOf("users:reset-password") < 0, "no reset without the confirmation");
            click("logout");
        } finally {
            driver.quit();
            driver = viewer;
            wait = viewerWait;
        }
        cell("Quota IT team").click();
        String signedOut = shown("login-message").getText();
        assertTrue(signedOut.contains("You were signed out"), signedOut);
        assertTrue(!driver.getPageSource().contains("permission"), "no exception naming a permission");

        open(base + "/admin/login");
        type("username", "it-viewer");
        type("password", "the viewer's own long secret");
        click("sign-in");
        String refused = shown("login-message").getText();
        type("username", "nobody-at-all");
        type("password", "whatever it is");
        click("sign-in");
        assertEquals(refused, shown("login-message").getText(), "a disabled user looks like an unknown one");
    }

    /**
     * Who used what and who did what: an account's clips and credits per day (30 and 90 days), its ledger narrowed by
     * text, kind and dates and exported as CSV (a formula in a reason disarmed), the audit log narrowed by actor, action
     * and dates with source addresses and names beside ids, exported as CSV; a user's last sign-in and open sessions,
     * one of them signed out from another browser (whose next click lands on the sign-in page).
     */
    @Test
    void adminReadsUsageLedgerAndAuditAndSignsOutASession() throws Exception {
        String base = appliance.baseUrl();
        signInAsAdmin();
        open(base + "/admin/accounts");
        click("new-account");
        type("account-name", "Usage IT team");
        click("account-save");
        cell("Usage IT team").click();
        click("account-keys");
        type("key-name", "usage key");
        click("create-key");
        String key = shown("new-key").findElement(By.tagName("input")).getDomProperty("value");
        click("new-key-done");
        Api api = appliance.api().withKey(key);
        for (int i = 0; i < 2; i++) {
            Api.Resp r = api.generate(Map.of("prompt", "A lighthouse in fog " + i, "resolution", "720p"));
            assertEquals(202, r.status(), r.text());
        }
        open(base + "/admin/accounts");
        cell("Usage IT team").click();
        click("grant");
        type("grant-credits", "25");
        type("grant-reason", "=HYPERLINK(\"http://x\") goodwill");
        click("grant-record");
        notification("balance now");

        // Usage: today's bar holds both clips and their credits; the period switches to 90 days.
        open(base + "/admin/accounts");
        cell("Usage IT team").click();
        click("account-usage");
        shown("usage-clips-chart");
        String totals = shown("usage-totals").getText();
        assertTrue(totals.contains("2 clips") && totals.contains("last 30 days") && totals.contains("UTC"), totals);
        assertEquals(1, driver.findElements(By.cssSelector("#usage-clips-chart rect.bar")).size());
        assertTrue(driver.findElement(By.cssSelector("#usage-clips-chart rect.bar title")).getDomProperty("textContent")
                .endsWith(": 2 clips"));
        assertEquals(1, driver.findElements(By.cssSelector("#usage-credits-chart rect.bar")).size());
        assertTrue(driver.findElement(By.id("usage-clips-chart")).getDomProperty("textContent").contains("UTC"), "zone on the axis");
        choose("usage-days", "last 90 days");
        wait.until(d -> d.findElement(By.id("usage-totals")).getText().contains("last 90 days"));
        assertTrue(driver.findElement(By.cssSelector("#usage-clips-chart title")).getDomProperty("textContent")
                .contains("last 90 days"));

        // The ledger: all four entries, then narrowed by text, by kind, by dates.
        cell("video clip");
        cell("goodwill");
        screenshot("account-usage");
        shown("ledger-grid");
        screenshot("account-ledger");
        type("ledger-text", "GOODWILL");
        wait.until(d -> ledgerRows() == 1);
        cell("goodwill");
        erase("ledger-text");
        wait.until(d -> ledgerRows() == 4);
        shown("ledger-kinds").findElement(By.tagName("input")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-multi-select-combo-box-item[contains(., 'debit')]"))).click();
        shown("ledger-kinds").findElement(By.tagName("input")).sendKeys(Keys.ESCAPE);
        wait.until(d -> ledgerRows() == 2);
        String csv = fetchText("ledger-export");
        assertTrue(csv.startsWith("time_utc,kind,credits,reason,actor,generation_id,entry_id\n"), csv);
        assertEquals(3, csv.split("\n").length, "header and the two debits: the export follows the filters\n" + csv);
        assertTrue(csv.contains(",debit,-"), csv);
        unchip("ledger-kinds", "debit");
        wait.until(d -> ledgerRows() == 4);
        String all = fetchText("ledger-export");
        assertTrue(all.contains(",adjustment,25,\"'=HYPERLINK(\"\"http://x\"\") goodwill\",console:admin,"), all);
        typeDate("ledger-to", "2020-01-01");
        wait.until(d -> ledgerRows() == 0);
        erase("ledger-to");
        typeDate("ledger-from", "2020-01-01");
        wait.until(d -> ledgerRows() == 4);

        // The audit log: the source address, the account's name beside its id, filters, and the same in CSV.
        open(base + "/admin/audit");
        cell("Usage IT team (");
        cell("127.0.0.1");
        long everything = gridRows("audit-grid");
        type("audit-action", "ledger:");
        wait.until(d -> gridRows("audit-grid") >= 1 && gridRows("audit-grid") < everything);
        cell("goodwill");
        String audit = fetchText("audit-export");
        assertTrue(audit.startsWith("time_utc,actor,action,target,target_name,detail,source_address\n"), audit);
        String[] lines = audit.split("\n");
        assertEquals(gridRows("audit-grid") + 1, lines.length, audit);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",ledger:grant,") && lines[i].endsWith(",127.0.0.1"), lines[i]);
        }
        assertTrue(audit.contains(",Usage IT team,"), audit);
        erase("audit-action");
        type("audit-actor", "nobody-like-this");
        wait.until(d -> gridRows("audit-grid") == 0);
        type("audit-actor", "admin");
        typeDate("audit-to", "2020-01-01");
        wait.until(d -> gridRows("audit-grid") == 0);
        erase("audit-to");
        wait.until(d -> gridRows("audit-grid") > 3);
        erase("audit-actor");
        screenshot("audit-log");

        // A second browser signs in as the admin; the first sees both sessions and signs the second out.
        WebDriver first = driver;
        WebDriverWait firstWait = wait;
        driver = newBrowser();
        wait = waitOn(driver);
        WebDriver second = driver;
        WebDriverWait secondWait = wait;
        try {
            signInAsAdmin();
            open(base + "/admin/accounts");
            cell("Usage IT team");
            driver = first;
            wait = firstWait;
            open(base + "/admin/users");
            // Every user was created today; the admin's last sign-in (today) is one more such cell than there are rows.
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            cell("admin");
            assertTrue(driver.findElements(By.xpath("//*[@id='users-grid']/vaadin-grid-cell-content[contains(., '" + today + "')]"))
                    .size() > gridRows("users-grid"), "a last sign-in shown");
            selectIn("users-grid", "admin");
            shown("sessions-grid");
            // Both browsers' sessions (others may linger from earlier tests' browsers until their idle timeout).
            wait.until(d -> gridRows("sessions-grid") >= 2);
            long open = gridRows("sessions-grid");
            cell("this session");
            screenshot("users-sessions");
            ((JavascriptExecutor) driver).executeScript("document.querySelector('#sessions-grid vaadin-button.end-session').click()");
            click("end-session-confirm");
            notification("was signed out");
            wait.until(d -> gridRows("sessions-grid") == open - 1);
            open(base + "/admin/audit");
            cell("users:end-session");

            driver = second;
            wait = secondWait;
            click("new-account");
            shown("sign-in");
            shown("username");
        } finally {
            second.quit();
            driver = first;
            wait = firstWait;
        }
        click("logout");
    }

    /** Empties a field as a user would (select all, delete), so the field's change reaches the server. */
    /** See {@link ConsoleBrowser#typeDate}: Enter takes a typed date. */
    private void typeDate(String id, String date) {
        ConsoleBrowser.enterDate(shown(id).findElement(By.tagName("input")), date);
        idle();
    }

    private void erase(String id) {
        WebElement input = shown(id).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
        idle();
    }

    /** Rows the ledger grid shows now. */
    private long ledgerRows() {
        return gridRows("ledger-grid");
    }

    /** How many rows a grid holds (its data size, as the server last told it). */
    private long gridRows(String gridId) {
        idle();
        Object n = ((JavascriptExecutor) driver).executeScript(
                "const g = document.getElementById(arguments[0]); return g ? (g.size || 0) : -1", gridId);
        return ((Number) n).longValue();
    }

    /** What a download link serves, fetched by the browser with its session (as a click would). */
    private String fetchText(String anchorId) {
        idle();
        Object text = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'})"
                        + ".then(r => r.text()).then(done, e => done('fetch failed: ' + e))", anchorId);
        // Line ends as lines (CsvTest checks the CRLF itself; the driver's answer need not keep it).
        return ((String) text).replace("\r\n", "\n");
    }

    @Test
    void adminChangesSettingsAndTheyApplyWithoutARestart() throws Exception {
        String base = appliance.baseUrl();
        Api api = appliance.api();
        Api.Resp first = api.generate(Map.of("prompt", "A quiet pond at dawn", "resolution", "720p"));
        JsonNode before = api.await(first.json().path("generation_id").asText(), Duration.ofSeconds(120));
        String oldUrl = before.path("output_url").asText();
        assertEquals(200, api.getUrl(oldUrl, Map.of()).status());

        signInAsAdmin();
        open(base + "/admin/settings");
        shown("settings-storage");
        screenshot("settings");

        // A blocked phrase applies to the next submission.
        type("safety-category", "it-test");
        type("safety-phrase", "Purple Elephant");
        click("safety-save");
        cell("purple elephant");
        Api.Resp blocked = api.generate(Map.of("prompt", "A purple elephant dancing", "resolution", "720p"));
        assertEquals(202, blocked.status(), blocked.text());
        JsonNode failed = api.await(blocked.json().path("generation_id").asText(), Duration.ofSeconds(30));
        assertEquals("safety.prompt", failed.path("error_code").asText(), failed.toString());
        click("unblock-purple-elephant");
        click("unblock-confirm");
        assertEquals(202, api.generate(Map.of("prompt", "A purple elephant at rest", "resolution", "720p")).status());

        // Retention and a new storage root: new clips only; the earlier clip is still served from the old root.
        Path newRoot = appliance.dataDir().resolve("outputs-2");
        // An empty number is the field's message, not an error page; a system folder, a folder outside the allowed
        // base (here the data dir) or the appliance's own keys are refused and never become an earlier root.
        WebElement days = shown("settings-retention").findElement(By.tagName("input"));
        days.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
        idle();
        click("settings-save");
        WebElement retention = shown("settings-retention");
        wait.until(d -> retention.getDomAttribute("invalid") != null);
        assertEquals("Enter a number", retention.getDomProperty("errorMessage"));
        type("settings-retention", "7");
        String data = appliance.dataDir().toString();
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("/etc", "/etc is a system folder");
        refusals.put("/etc/reelforge-outputs", "/etc/reelforge-outputs is a system folder");
        refusals.put("/tmp/elsewhere", "/tmp/elsewhere is not under the allowed base");
        refusals.put(data + "/keys", data + "/keys holds the appliance's own files");
        refusals.put(data, data + " holds the appliance's own files");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            type("settings-root", r.getKey());
            click("settings-save");
            notification(r.getValue());
        }
        assertTrue(!shown("settings-storage").getText().contains("/etc"), shown("settings-storage").getText());
        assertTrue(!java.nio.file.Files.exists(Path.of("/etc/reelforge-outputs")), "nothing created under /etc");
        type("settings-retention", "10");
        type("settings-root", newRoot.toString());
        click("settings-save");
        Api.Resp next = api.generate(Map.of("prompt", "A windmill in a field", "resolution", "720p"));
        JsonNode after = api.await(next.json().path("generation_id").asText(), Duration.ofSeconds(120));
        assertEquals("completed", after.path("status").asText(), after.toString());
        try (var files = Files.walk(newRoot)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals(after.path("generation_id").asText() + ".mp4")),
                    "the new clip is under the new root");
        }
        assertEquals(Duration.ofDays(10), Duration.between(java.time.Instant.parse(after.path("completed_at").asText()),
                java.time.Instant.parse(after.path("expires_at").asText())));
        assertEquals(200, api.getUrl(oldUrl, Map.of()).status(), "an older clip stays where it was, still served");

        // Key rotation: with the grace period old links still work; cut off, they fail, and fresh ones work.
        click("rotate-key");
        click("rotate-key-confirm");
        assertEquals(200, api.getUrl(oldUrl, Map.of()).status(), "old links work during the grace period");
        click("rotate-key-cut-off");
        click("rotate-key-cut-off-confirm");
        ErrorsIT.assertError(api.getUrl(oldUrl, Map.of()), 403, "url_signature_invalid", null);
        String fresh = api.get("/v1/video/" + before.path("generation_id").asText()).json().path("output_url").asText();
        assertEquals(200, api.getUrl(fresh, Map.of()).status(), "a freshly signed link works");
        open(base + "/admin/audit");
        cell("settings:url-key-rotated");
        cell("settings:storage-root");

        // A refunded (blocked) clip costs 0 credits in the console as in the API.
        String blockedId = blocked.json().path("generation_id").asText();
        assertEquals(0, api.get("/v1/video/" + blockedId).json().path("credits_used").asLong(-1));
        open(base + "/admin/generations");
        cell(blockedId).click();
        assertTrue(shown("generation-facts").getText().contains(" 0 credits"), shown("generation-facts").getText());

        // Back to the default retention, which the other tests of this class assume.
        open(base + "/admin/settings");
        type("settings-retention", "7");
        click("settings-save");
        click("logout");
    }

    /**
     * Webhooks in the console for the demo account: a refused address shown beside the URL, the endpoint created
     * with its secret shown once (and that secret verifies what the receiver gets), a 410 that disables it, the
     * delivery and its attempts, a redelivery refused while disabled, Enable, a rotated secret, Redeliver (the
     * same message, signed with both secrets), delete; every change in the audit log, no secret in it or the log.
     */
    @Test
    void adminManagesAWebhookEndpointAndRedeliversADelivery() throws Exception {
        String base = appliance.baseUrl();
        Api api = appliance.api();
        String url = receiver.url("/console");
        receiver.script("/console", Receiver.Reply.of(410), Receiver.Reply.of(200));
        signInAsAdmin();

        open(base + "/admin/webhooks");
        click("new-webhook");
        choose("webhook-account", "Demo");
        type("webhook-url", "http://169.254.169.254/latest/meta-data/");
        click("webhook-save");
        WebElement urlField = shown("webhook-url");
        wait.until(d -> urlField.getDomAttribute("invalid") != null);
        assertTrue(urlField.getDomProperty("errorMessage").contains("link-local"), urlField.getDomProperty("errorMessage"));
        type("webhook-url", url);
        tick("webhook-events", "video.completed");
        type("webhook-description", "console IT");
        click("webhook-save");
        String secret = shown("webhook-secret").findElement(By.tagName("input")).getDomProperty("value");
        assertTrue(secret.startsWith("whsec_"), secret);
        click("webhook-secret-done");
        cell(url);
        JsonNode endpoint = null;
        for (JsonNode e : api.get("/v1/webhooks").json().path("data")) {
            if (e.path("url").asText().equals(url)) {
                endpoint = e;
            }
        }
        assertTrue(endpoint != null && endpoint.path("secret").isMissingNode(), "the API lists it, without the secret");
        assertEquals("[\"video.completed\"]", endpoint.path("events").toString());
        String endpointId = endpoint.path("id").asText();

        // A generation completes: its delivery arrives signed with the secret shown, and the 410 disables the endpoint.
        String generationId = api.generate(Map.of("prompt", "A lighthouse at dawn", "resolution", "720p")).json()
                .path("generation_id").asText();
        assertEquals("completed", api.await(generationId, Duration.ofSeconds(120)).path("status").asText());
        Receiver.Hit first = receiver.await("/console", 1, Duration.ofSeconds(60)).get(0);
        new Webhook(secret).verify(first.body(), first.headers());
        wait.until(d -> {
            try {
                return "disabled".equals(api.get("/v1/webhooks/" + endpointId).json().path("status").asText());
            } catch (Exception e) {
                return false;
            }
        });

        click("refresh-webhooks");
        cell("disabled: The endpoint answered 410 Gone");
        cell(url).click();
        selectIn("deliveries-grid", generationId);
        assertTrue(shown("attempt-1").getText().contains("HTTP 410"), shown("attempt-1").getText());
        click("redeliver");
        notification("The endpoint of this delivery is disabled");
        click("enable-" + endpointId);
        cell("active");
        click("rotate-" + endpointId);
        String rotated = shown("webhook-secret").findElement(By.tagName("input")).getDomProperty("value");
        assertTrue(rotated.startsWith("whsec_") && !rotated.equals(secret), rotated);
        assertTrue(shown("webhook-secret-note").getText().contains("previous secret keeps signing"));
        click("webhook-secret-done");

        cell(url).click();
        selectIn("deliveries-grid", generationId);
        click("redeliver");
        Receiver.Hit again = receiver.await("/console", 2, Duration.ofSeconds(60)).get(1);
        assertEquals(first.header("webhook-id"), again.header("webhook-id"), "a redelivery is the same message");
        new Webhook(rotated).verify(again.body(), again.headers());
        new Webhook(secret).verify(again.body(), again.headers());
        wait.until(d -> {
            try {
                return "succeeded".equals(api.get("/v1/webhooks/" + endpointId + "/deliveries").json()
                        .path("data").path(0).path("status").asText());
            } catch (Exception e) {
                return false;
            }
        });
        click("refresh-webhooks");
        cell(url).click();
        selectIn("deliveries-grid", generationId);
        assertTrue(shown("attempt-2").getText().contains("HTTP 200"), shown("attempt-2").getText());
        shown("delivery-facts");
        wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).isEmpty());
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('webhook-account-filter').scrollIntoView({block: 'start'});"
                        + " document.querySelectorAll('vaadin-grid').forEach(g => g.shadowRoot.querySelector('#table').scrollLeft = 0)");
        screenshot("webhooks");

        click("delete-" + endpointId);
        click("delete-confirm");
        assertEquals(404, api.get("/v1/webhooks/" + endpointId).status(), "deleted in the console, gone from the API");

        open(base + "/admin/audit");
        for (String action : new String[] {"webhooks:create", "webhooks:enable", "webhooks:rotate-secret",
                "webhooks:redeliver", "webhooks:delete"}) {
            cell(action);
        }
        String body = secret.substring("whsec_".length());
        String rotatedBody = rotated.substring("whsec_".length());
        assertTrue(!driver.getPageSource().contains(body) && !driver.getPageSource().contains(rotatedBody),
                "no secret in the audit log");
        assertTrue(!appliance.log().contains(body) && !appliance.log().contains(rotatedBody), "no secret in the log");
        click("logout");
    }

    /** Picks an item of a select (its overlay lists the items by their labels). */
    private void choose(String selectId, String label) {
        click(selectId);
        // Its own item: another select's overlay that is still closing keeps items with the same label.
        wait.until(d -> ConsoleBrowser.clickIfReady((WebElement) ((JavascriptExecutor) d).executeScript(
                ConsoleBrowser.OWN_ITEM_CONTAINING, selectId, label)));
        idle();
    }

    /** Removes a chosen item of a multi-select combo box with its chip's remove button, as a mouse user does. */
    private void unchip(String id, String label) {
        idle();
        wait.until(d -> {
            WebElement remove = (WebElement) ((JavascriptExecutor) d).executeScript(
                    "const el = document.getElementById(arguments[0]);"
                            + " const chips = Array.from(el.querySelectorAll('vaadin-multi-select-combo-box-chip'))"
                            + ".concat(Array.from(el.shadowRoot ? el.shadowRoot.querySelectorAll('[part~=\"chip\"]') : []));"
                            + " const chip = chips.find(c => (c.label || c.textContent || '').includes(arguments[1]));"
                            + " return chip && chip.shadowRoot ? chip.shadowRoot.querySelector('[part~=\"remove-button\"]') : null",
                    id, label);
            return ConsoleBrowser.clickIfReady(remove);
        });
        idle();
    }

    /** Selects the row of one grid that has a cell with this text, scrolling it into view (a wide grid scrolls sideways). */
    private void selectIn(String gridId, String text) {
        idle();
        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='" + gridId + "']/vaadin-grid-cell-content[contains(., '" + text + "')]")));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'}); arguments[0].click()", cell);
        idle();
    }

    /** Waits for a notification with this text (its card lives in an overlay, its text in light or shadow DOM). */
    private void notification(String text) {
        idle();
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('vaadin-notification-card')).some(c =>"
                        + " (c.innerText || '').includes(arguments[0])"
                        + " || (c.shadowRoot && c.shadowRoot.textContent.includes(arguments[0])))", text)));
    }

    /** Ticks a box of a checkbox group by its label. */
    private void tick(String groupId, String label) {
        WebElement box = shown(groupId).findElement(By.xpath(".//vaadin-checkbox[contains(., '" + label + "')]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", box);
        idle();
    }


    private void open(String url) {
        driver.get(url);
        idle();
    }

    /** Waits until Flow has no request in flight: components render client-side after each round trip. */
    private void idle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")));
    }

    private WebElement shown(String id) {
        idle();
        try {
            // Scrolled into view first: a field scrolled out of the layout's scroll area does not count as shown.
            WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
            return wait.until(ExpectedConditions.visibilityOf(e));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot("failed-" + id);
                Files.writeString(Path.of(System.getProperty("reelforge.it.screenshots", "target/screenshots"),
                        "failed-" + id + ".html"), driver.getPageSource());
            } catch (Exception ignored) {
                // the timeout is what the test reports
            }
            throw e;
        }
    }

    private void click(String id) {
        WebElement e = shown(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", e);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(e)).click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // A notification of the step before may still cover the button (it closes after a few seconds).
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.querySelectorAll('vaadin-notification-card').length === 0")));
            wait.until(ExpectedConditions.elementToBeClickable(e)).click();
        }
        idle();
    }

    /** Vaadin fields keep the native input in their light DOM; the blur (tab) sends the value to the server. */
    private void type(String id, String text) {
        WebElement input = shown(id).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(text, Keys.TAB);
        idle();
    }

    /** Polls every half second; a live view's redraw between a find and a read makes the condition run again. */
    private static WebDriverWait waitOn(WebDriver driver) {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(30));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    /** A grid cell's content is slotted into the light DOM, so it can be found and clicked. */
    private WebElement cell(String text) {
        idle();
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., '" + text + "')]")));
    }

    private void screenshot(String name) throws Exception {
        idle();
        Thread.sleep(300); // let the last animation (ripple, overlay) settle so the picture is stable
        Path dir = Files.createDirectories(Path.of(System.getProperty("reelforge.it.screenshots", "target/screenshots")));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
