package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

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
 * Debian's headless chromium through its chromedriver (nothing downloaded), at 1400 x 900, with the steps a
 * console test takes: open, wait for Flow to be idle, find by id, click, type, pick, find a grid cell, screenshot.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    final WebDriverWait wait;
    /** Where {@link #close} hands the browser back to, for the class's next test; null: it quits. */
    private final Kept keeper;

    ConsoleBrowser() throws Exception {
        this(null);
    }

    private ConsoleBrowser(Kept keeper) throws Exception {
        driver = chromium();
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(5)); // a large export read in the page
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        // A live view (the models view's lists while an import is pending) may replace elements between the find and
        // the read: the condition then runs again on the next poll instead of failing the wait.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        this.keeper = keeper;
    }

    /**
     * One browser kept between the tests of a class, as ConsoleIT keeps its own: {@link #take} gives the kept one, or
     * a new one, and the test's {@link ConsoleBrowser#close} hands it back with every cookie and the storage of the
     * given origins cleared (as a new browser would have them), instead of quitting it. A chromium start and a first
     * load of the console's bundle cost some seconds of CPU each. A browser that cannot be cleared quits, and the next
     * test gets a new one. {@link #close} quits the kept one (the class's {@code @AfterAll}).
     */
    static final class Kept implements AutoCloseable {

        private final java.util.function.Supplier<java.util.List<String>> sites;
        private ConsoleBrowser spare;

        /** {@code sites}: URLs of the sites whose storage a handed-back browser is cleared of (their origins). */
        Kept(java.util.function.Supplier<java.util.List<String>> sites) {
            this.sites = sites;
        }

        /** A URL's origin as the DevTools protocol names it: scheme, host and port, no path. */
        private static String origin(String url) {
            java.net.URI u = java.net.URI.create(url);
            return u.getScheme() + "://" + u.getRawAuthority();
        }

        synchronized ConsoleBrowser take() throws Exception {
            ConsoleBrowser b = spare != null ? spare : new ConsoleBrowser(this);
            spare = null;
            return b;
        }

        private synchronized void handBack(ConsoleBrowser b) {
            try {
                org.openqa.selenium.chromium.ChromiumDriver chromium = (org.openqa.selenium.chromium.ChromiumDriver) b.driver;
                chromium.get("about:blank");
                chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                for (String site : sites.get()) {
                    chromium.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(site), "storageTypes", "all"));
                }
                chromium.manage().logs().get("browser"); // read, so that the next test sees only its own entries
                if (spare != null) {
                    spare.driver.quit();
                }
                spare = b;
            } catch (RuntimeException e) {
                System.err.println("[it] a browser could not be cleared for the next test, a new one starts: " + e);
                b.driver.quit();
            }
        }

        @Override
        public synchronized void close() {
            if (spare != null) {
                spare.driver.quit();
                spare = null;
            }
        }
    }

    /** A new headless chromium; its console log is kept, to tell whether the Content-Security-Policy blocked anything. */
    static WebDriver chromium() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the console test needs Debian's chromium and chromium-driver: run scripts/test-deps.sh");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("reelforge-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        // The profile (5 to 26 MB, and a run starts some twenty browsers) goes when the browser quits.
        return new ChromeDriver(service, options) {
            @Override
            public void quit() {
                try {
                    super.quit();
                } finally {
                    try {
                        Trees.delete(profile);
                    } catch (java.io.IOException | java.io.UncheckedIOException e) {
                        System.err.println("[it] could not remove the browser profile " + profile + ": " + e);
                    }
                }
            }
        };
    }

    /** Signs in; with {@code newPassword}, makes the forced change of a one-time password. */
    void signIn(String base, String user, String password, String newPassword) {
        open(base + "/admin/login");
        type("username", user);
        type("password", password);
        click("sign-in");
        if (newPassword != null) {
            shown("change-password-sign-out");
            type("new-password", newPassword);
            type("repeat-password", newPassword);
            click("change-password");
        }
        shown("status-cards");
    }

    void open(String url) {
        driver.get(url);
        idle();
    }

    /** Waits until Flow has no request in flight (a page of another site counts as idle). */
    void idle() {
        wait.until(d -> Boolean.TRUE.equals(js("return !window.Vaadin || !!(window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement shown(String id) {
        idle();
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        return wait.until(ExpectedConditions.visibilityOf(e));
    }

    boolean visible(String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    boolean absent(String id) {
        idle();
        return driver.findElements(By.id(id)).stream().noneMatch(WebElement::isDisplayed);
    }

    void click(String id) {
        WebElement e = shown(id);
        wait.until(ExpectedConditions.elementToBeClickable(e)).click();
        idle();
    }

    /** Vaadin fields keep the native input in their light DOM; the tab sends the value to the server. */
    /**
     * A date picker opens its calendar as one types (Vaadin 25), and a tab then moves into the calendar without
     * taking the date: Enter takes it, as a user presses it.
     */
    void typeDate(String id, String date) {
        enterDate(shown(id).findElement(By.tagName("input")), date);
        idle();
    }

    static void enterDate(WebElement input, String date) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date, Keys.ENTER);
    }

    void type(String id, String text) {
        WebElement input = shown(id).findElement(By.tagName("input"));
        // Erased as a user does: WebDriver's clear() sets the value without the input event Vaadin 25's fields
        // listen to, so typing "" left the old filter in place.
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.TAB);
        idle();
    }

    /**
     * Picks an item of a select or combo box by its label: the shown one (closed overlays of other selects keep
     * items with the same label).
     */
    void pick(String id, String label) {
        // A click on an item can be lost (the overlay still animating open or closing under a loaded machine):
        // the field then keeps its old value and the next step fails far from here (a key made for no account).
        // So the pick counts only once the field shows the label, and a lost one is picked again.
        for (int attempt = 1; ; attempt++) {
            if (!Boolean.TRUE.equals(js("return !!document.getElementById(arguments[0]).opened", id))) {
                click(id);
            }
            // On Vaadin 25 the overlay animates open: an item found while it moves may be covered for a moment.
            wait.until(d -> clickIfReady((WebElement) js(OWN_ITEM, id, label)));
            idle();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> label.equals(js(SHOWN_VALUE, id)));
                return;
            } catch (org.openqa.selenium.TimeoutException lost) {
                if (attempt == 3) {
                    throw new AssertionError(id + " shows '" + js(SHOWN_VALUE, id) + "' after picking '" + label
                            + "' three times", lost);
                }
            }
        }
    }

    /** What a combo box's input or a select's value button shows, trimmed. */
    private static final String SHOWN_VALUE = "const el = document.getElementById(arguments[0]);"
            + " if (el.localName === 'vaadin-combo-box') { const i = el.inputElement || el.querySelector('input');"
            + " return i ? i.value.trim() : null; }"
            + " const b = el.querySelector('vaadin-select-value-button') || el.querySelector('[slot=value]');"
            + " return b ? b.textContent.trim() : null;";

    /** Clicks it unless it is absent, gone from the page or still covered; says whether it did. */
    static boolean clickIfReady(WebElement e) {
        if (e == null) {
            return false;
        }
        try {
            e.click();
            return true;
        } catch (org.openqa.selenium.ElementClickInterceptedException | org.openqa.selenium.StaleElementReferenceException notYet) {
            return false;
        }
    }

    /**
     * The shown item with this label of the select or combo box with this id: an item in its own light or shadow DOM,
     * or in an overlay it owns. Another select's overlay that is still closing keeps items with the same label ("any"),
     * and on Vaadin 25 those still have a box while they fade. Matched on the whole label; {@link #OWN_ITEM_CONTAINING}
     * on a part of it.
     */
    static final String OWN_ITEM = ownItem("i.textContent.trim() === arguments[1]");
    static final String OWN_ITEM_CONTAINING = ownItem("i.textContent.includes(arguments[1])");

    private static String ownItem(String matches) {
        return "const el = document.getElementById(arguments[0]);"
                + " const mine = i => { for (let n = i; n; n = n.parentNode || n.host) {"
                + " if (n === el || n.owner === el) return true; } return false; };"
                + " return Array.from(document.querySelectorAll('vaadin-select-item, vaadin-combo-box-item'))"
                + ".find(i => " + matches + " && i.getClientRects().length > 0 && mine(i)) || null";
    }

    /** The element's text, read again when a live update replaced the element between the find and the read. */
    String textOf(String id) {
        return wait.until(d -> shown(id).getText());
    }

    /** Waits until the element's text is this, and says what it was when it never is. */
    void textIs(String id, String expected) {
        try {
            wait.until(d -> expected.equals(shown(id).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(id + ": expected '" + expected + "' but was '" + textOf(id) + "'", e);
        }
    }

    /** A grid cell's content is slotted into the light DOM, so it can be found and clicked. */
    WebElement cell(String text) {
        idle();
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., '" + text + "')]")));
    }

    /** Clicks a grid column's sorter by its header text. */
    void sortBy(String header) {
        idle();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-sorter[normalize-space(.)='" + header + "']"))).click();
        idle();
    }

    /** Waits for a text of the page (another site's page too) to appear. */
    void text(String text) {
        wait.until(d -> d.getPageSource().contains(text));
    }

    void screenshot(String name) throws Exception {
        idle();
        Thread.sleep(300); // let the last animation settle so the picture is stable
        Path dir = Files.createDirectories(Path.of(System.getProperty("reelforge.it.screenshots", "target/screenshots")));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Quits the browser, or hands it back to the class's {@link Kept} browser. */
    @Override
    public void close() {
        if (keeper != null && ((org.openqa.selenium.remote.RemoteWebDriver) driver).getSessionId() != null) {
            keeper.handBack(this);
        } else {
            driver.quit();
        }
    }
}
