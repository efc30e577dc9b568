package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (Debian's headless chromium, driven through its chromedriver so
 * nothing is downloaded) against the real bundle: the first admin's printed password, the forced change,
 * an account and a live key created in the console and used over HTTP at once, the generation seen in the
 * console, the key revoked (401 right away), logout. Saves a screenshot of each view.
 */
class ConsoleIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Appliance appliance;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the console test needs Debian's chromium and chromium-driver: run scripts/test-deps.sh");
        appliance = SharedAppliance.get();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("reelforge-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void adminCreatesAccountAndKeyUsesItThenRevokesIt() throws Exception {
        String base = appliance.baseUrl();

        open(base + "/admin");
        type("username", "admin");
        type("password", firstAdminPassword());
        click("sign-in");

        type("current-password", firstAdminPassword());
        type("new-password", "a much longer secret 42");
        type("repeat-password", "a much longer secret 42");
        click("change-password");
        shown("status-cards");
        screenshot("dashboard");

        open(base + "/admin/accounts");
        click("new-account");
        type("account-name", "Console IT team");
        click("account-save");
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
        wait.until(d -> d.findElement(By.id("revoke-" + key.substring(0, 20))).getDomAttribute("disabled") != null);
        assertEquals(401, api.get("/v1/account").status(), "a revoked key fails at once");

        open(base + "/admin/audit");
        cell("keys:revoke");
        screenshot("audit-log");

        String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
        assertEquals(401, appliance.api().getUrl(base + "/v1/account", Map.of("Cookie", "JSESSIONID=" + session)).status(),
                "a console session does not authorise /v1");

        click("logout");
        shown("username");
        open(base + "/admin/accounts");
        shown("username");
    }

    private String firstAdminPassword() throws Exception {
        Matcher m = Pattern.compile("password {5}: (\\S+)").matcher(appliance.log());
        assertTrue(m.find(), "no first-admin banner in the log");
        return m.group(1);
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
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void click(String id) {
        WebElement e = shown(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", e);
        wait.until(ExpectedConditions.elementToBeClickable(e)).click();
        idle();
    }

    /** Vaadin fields keep the native input in their light DOM; the blur (tab) sends the value to the server. */
    private void type(String id, String text) {
        WebElement input = shown(id).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(text, Keys.TAB);
        idle();
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
