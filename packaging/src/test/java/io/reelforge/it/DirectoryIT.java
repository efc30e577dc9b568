package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Console sign-in through a real OpenLDAP server ({@link Slapd}, seeded with users and groups) and a real OpenID
 * provider ({@link OidcProvider}), in headless chromium against the booted bundle: a user of the admin group gets
 * admin pages, a viewer no write buttons, a wrong password is refused and then throttled, a user in no mapped group
 * is told why, a filter injection finds nobody, the local admin still signs in, even with the directory down; the
 * OpenID round trip (code + PKCE, state, nonce) signs a provider's admin in and out, refuses a user of no mapped
 * group and a callback this browser did not start. The bind password and the client secret are never logged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryIT {

    private static final String MANAGER_PASSWORD = "ldap-manager-" + Long.toHexString(System.nanoTime());
    private static final String PEOPLE = "ou=people," + Slapd.SUFFIX;
    private static final String GROUPS = "ou=groups," + Slapd.SUFFIX;

    private static final String CLIENT_SECRET = "oidc-client-" + Long.toHexString(System.nanoTime());

    private static Slapd slapd;
    private static OidcProvider provider;
    private static Appliance appliance;
    /** One chromium through the class's tests (it used to start seven), cleared between them for both origins. */
    private static final ConsoleBrowser.Kept browsers = new ConsoleBrowser.Kept(() -> java.util.List.of(
            appliance.baseUrl(), provider.issuer()));

    @BeforeAll
    static void boot() throws Exception {
        slapd = Slapd.start("directory", MANAGER_PASSWORD, seed());
        provider = OidcProvider.reserve();
        appliance = Appliance.start("directory", Map.ofEntries(
                Map.entry("console.oidc.issuer", provider.issuer()),
                Map.entry("console.oidc.client-id", OidcProvider.CLIENT_ID),
                Map.entry("console.oidc.client-secret", CLIENT_SECRET),
                Map.entry("console.oidc.provider-name", "Example SSO"),
                Map.entry("console.oidc.scopes", "openid profile groups"),
                Map.entry("console.oidc.admin-groups", "video-admins"),
                Map.entry("console.oidc.viewer-groups", "video-viewers"),
                Map.entry("console.ldap.url", slapd.url()),
                Map.entry("console.ldap.bind-dn", "cn=manager," + Slapd.SUFFIX),
                Map.entry("console.ldap.bind-password", MANAGER_PASSWORD),
                Map.entry("console.ldap.user-search-base", PEOPLE),
                Map.entry("console.ldap.user-filter", "(&(objectClass=inetOrgPerson)(uid={0}))"),
                Map.entry("console.ldap.group-search-base", GROUPS),
                Map.entry("console.ldap.admin-groups", "cn=rf-admins," + GROUPS),
                Map.entry("console.ldap.operator-groups", "rf-operators"),
                Map.entry("console.ldap.viewer-groups", "rf-viewers"),
                Map.entry("console.login.free-failures", "2"),
                Map.entry("console.login.max-delay", "PT20S"),
                Map.entry("console.login.user-max-delay", "PT3S")));
        provider.start(appliance.baseUrl() + "/admin", CLIENT_SECRET);
    }

    @AfterAll
    static void down() throws Exception {
        browsers.close();
        if (appliance != null) {
            appliance.close();
        }
        if (slapd != null) {
            slapd.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static String seed() {
        StringBuilder b = new StringBuilder();
        b.append(entry(Slapd.SUFFIX, "objectClass: dcObject", "objectClass: organization", "o: Example", "dc: example"));
        b.append(entry(PEOPLE, "objectClass: organizationalUnit", "ou: people"));
        b.append(entry(GROUPS, "objectClass: organizationalUnit", "ou: groups"));
        for (String user : new String[] {"alice", "bob", "carol"}) {
            b.append(entry("uid=" + user + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + user, "cn: " + user,
                    "sn: Tester", "userPassword: " + user + " directory secret"));
        }
        b.append(entry("cn=rf-admins," + GROUPS, "objectClass: groupOfNames", "cn: rf-admins", "member: uid=alice," + PEOPLE));
        b.append(entry("cn=rf-viewers," + GROUPS, "objectClass: groupOfNames", "cn: rf-viewers", "member: uid=bob," + PEOPLE));
        // carol's only group is mapped to nothing
        b.append(entry("cn=staff," + GROUPS, "objectClass: groupOfNames", "cn: staff", "member: uid=carol," + PEOPLE));
        return b.toString();
    }

    private static String entry(String dn, String... lines) {
        return "dn: " + dn + "\n" + String.join("\n", lines) + "\n\n";
    }

    private static void signIn(ConsoleBrowser b, String user, String password) {
        b.open(appliance.baseUrl() + "/admin/login");
        b.type("username", user);
        b.type("password", password);
        b.click("sign-in");
    }

    @Test
    void anAdminGroupMemberSignsInAndGetsAdminPages() throws Exception {
        try (ConsoleBrowser b = browsers.take()) {
            signIn(b, "alice", "alice directory secret");
            b.shown("status-cards");
            b.open(appliance.baseUrl() + "/admin/users");
            b.cell("alice");
            b.screenshot("directory-ldap-users");
            b.open(appliance.baseUrl() + "/admin/audit");
            b.cell("from 127.0.0.1 via ldap");
            b.cell("alice as admin from ldap");
            b.click("logout");
            b.shown("username");
        }
        assertTrue(!appliance.log().contains(MANAGER_PASSWORD), "the bind password is never logged");
    }

    /** The provider's own pages (its development login form, then its consent): any password, the user's groups. */
    private static void signInAtProvider(ConsoleBrowser b, String user) {
        b.open(appliance.baseUrl() + "/admin/login");
        b.click("sign-in-oidc");
        org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(b.driver,
                java.time.Duration.ofSeconds(30));
        wait.until(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/interaction/"));
        b.driver.findElement(By.name("login")).sendKeys(user);
        b.driver.findElement(By.name("password")).sendKeys("any password");
        b.driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().startsWith(provider.issuer())
                || !d.findElements(By.cssSelector("input[name=prompt][value=consent]")).isEmpty());
        if (b.driver.getCurrentUrl().startsWith(provider.issuer())) {
            b.driver.findElement(By.cssSelector("button[type=submit]")).click(); // consent: Continue
        }
        wait.until(d -> d.getCurrentUrl().startsWith(appliance.baseUrl()));
        b.idle();
    }

    @Test
    void anOpenIdAdminSignsInWithPkceAndOutAtTheProviderToo() throws Exception {
        // The authorization request: PKCE (S256), a state and a nonce, to the provider's authorization endpoint.
        java.net.http.HttpResponse<String> start = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(appliance.baseUrl() + "/admin/oidc/start")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, start.statusCode());
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(provider.issuer() + "/auth?"), location);
        for (String p : new String[] {"code_challenge=", "code_challenge_method=S256", "state=", "nonce=",
                "response_type=code", "client_id=" + OidcProvider.CLIENT_ID}) {
            assertTrue(location.contains(p), p + " in " + location);
        }
        try (ConsoleBrowser b = browsers.take()) {
            b.open(appliance.baseUrl() + "/admin/login");
            assertEquals("Sign in with Example SSO", b.shown("sign-in-oidc").getText());
            b.screenshot("sign-in-directory"); // docs/img/sign-in-directory.png
            signInAtProvider(b, "dana");
            b.shown("status-cards");
            b.open(appliance.baseUrl() + "/admin/users");
            b.cell("dana");
            b.open(appliance.baseUrl() + "/admin/audit");
            b.cell("from 127.0.0.1 via oidc");
            b.cell("dana as admin from oidc");
            b.click("logout");
            // the provider asks whether to end its session too, then sends the browser back to the sign-in page
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30)).until(
                    d -> !d.findElements(By.cssSelector("button[value=yes]")).isEmpty());
            b.driver.findElement(By.cssSelector("button[value=yes]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30)).until(
                    d -> d.getCurrentUrl().startsWith(appliance.baseUrl() + "/admin/login"));
            b.shown("username");
            b.open(appliance.baseUrl() + "/admin/audit");
            b.shown("username"); // signed out of the console
        }
        assertTrue(!appliance.log().contains(CLIENT_SECRET), "the client secret is never logged");
    }

    @Test
    void anOpenIdUserOfNoMappedGroupIsToldWhyAndAForeignCallbackSignsInNobody() throws Exception {
        try (ConsoleBrowser b = browsers.take()) {
            signInAtProvider(b, "erin");
            String message = b.shown("login-message").getText();
            assertTrue(message.contains("not in any group allowed to use this console"), message);
            b.open(appliance.baseUrl() + "/admin/oidc/callback?code=forged&state=forged");
            message = b.shown("login-message").getText();
            assertTrue(message.contains("did not complete"), message);
            b.open(appliance.baseUrl() + "/admin/audit");
            b.shown("username");
        }
    }

    @Test
    void aViewerGroupMemberIsOfferedNoWriteButtons() throws Exception {
        try (ConsoleBrowser b = browsers.take()) {
            signIn(b, "bob", "bob directory secret");
            b.shown("status-cards");
            b.open(appliance.baseUrl() + "/admin/accounts");
            b.cell("Demo").click();
            b.shown("account-name");
            for (String id : new String[] {"new-account", "grant", "account-save"}) {
                assertTrue(b.absent(id), id + " shown to a directory viewer");
            }
            b.open(appliance.baseUrl() + "/admin/users");
            b.shown("status-cards"); // sent back to the dashboard: a viewer has no users page
            b.click("logout");
        }
    }

    @Test
    void aUserInNoMappedGroupIsToldWhy() throws Exception {
        try (ConsoleBrowser b = browsers.take()) {
            signIn(b, "carol", "carol directory secret");
            String message = b.shown("login-message").getText();
            assertTrue(message.contains("not in any group allowed to use this console"), message);
            assertTrue(b.absent("status-cards"));
        }
        Api.Resp api = appliance.api().getUrl(appliance.baseUrl() + "/v1/admin/engines", Map.of("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("carol:carol directory secret".getBytes())));
        assertEquals(403, api.status(), api.text());
        assertEquals("no_console_role", api.errorCode());
    }

    /** The wait a "Too many failed sign-ins: wait N s" message names; 0 for any other message. */
    private static long waitShown(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Too many failed sign-ins: wait (\\d+) s").matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Last: it leaves this address waiting until a right password is heard after the delay. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aWrongPasswordIsRefusedThenThrottledAndAFilterInjectionFindsNobody() throws Exception {
        try (ConsoleBrowser b = browsers.take()) {
            signIn(b, "*", "alice directory secret");
            assertEquals("Wrong user or password.", b.shown("login-message").getText(), "'*' matches no user");
            b.type("username", "bob)(|(uid=*");
            b.type("password", "bob directory secret");
            b.click("sign-in");
            assertEquals("Wrong user or password.", b.shown("login-message").getText(), "an injection finds nobody");
            // 2 free failures from this address (the two above), then each waits longer: 1 s, 2 s, 4 s, ... Fail
            // until the wait is long enough that the right password surely arrives within it. An attempt made
            // within a wait is refused unheard and does not lengthen it, so after a refusal the next attempt comes
            // once that wait has passed (a fast browser otherwise spent all its tries inside the 1 s and 2 s waits).
            long wait = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int i = 0; wait < 4 && System.nanoTime() < deadline; i++) {
                b.type("username", "bob");
                b.type("password", "not bob's password " + i);
                b.click("sign-in");
                wait = waitShown(b.shown("login-message").getText());
                if (wait > 0 && wait < 4) {
                    Thread.sleep(wait * 1000);
                }
            }
            assertTrue(wait >= 4, "throttled after a few failures");
            b.type("password", "bob directory secret");
            b.click("sign-in");
            assertTrue(waitShown(b.shown("login-message").getText()) > 0, "while it waits, not even the right password is heard");
            b.open(appliance.baseUrl() + "/admin/audit");
            assertTrue(b.absent("status-cards"), "nobody signed in");
            Thread.sleep((wait + 1) * 1000);
            signIn(b, "bob", "bob directory secret");
            b.shown("status-cards");
            b.open(appliance.baseUrl() + "/admin/audit");
            b.cell("ldap refused \"bob\" from 127.0.0.1");
            b.cell("ldap refused \"bob)(|(uid=*\" from 127.0.0.1");
        }
    }

    @Test
    void theLocalAdminStillSignsInEvenWithTheDirectoryDown() throws Exception {
        slapd.stop();
        try (ConsoleBrowser b = browsers.take()) {
            signIn(b, "alice", "alice directory secret");
            String message = b.shown("login-message").getText();
            assertTrue(message.contains("directory could not be reached"), message);
            signIn(b, "admin", appliance.firstAdminPassword());
            b.shown("change-password-sign-out");
            b.type("new-password", "the local break-glass secret");
            b.type("repeat-password", "the local break-glass secret");
            b.click("change-password");
            b.shown("status-cards");
            b.click("logout");
        } finally {
            slapd.launch();
        }
    }
}
