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
 * Debian's headless chromium through its chromedriver (nothing downloaded), with the few steps the console's
 * browser tests take: open a page, wait for Flow to be idle, find a shown element by id, click, type, find a grid
 * cell, take a screenshot.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    private final WebDriverWait wait;

    ConsoleBrowser() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "the console tests need Debian's chromium and chromium-driver: run scripts/test-deps.sh");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900",
                "--user-data-dir=" + Files.createTempDirectory("reelforge-chromium"));
        // The browser's console, to tell whether the Content-Security-Policy blocked anything the console needs.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
        idle();
    }

    /** Waits until Flow has no request in flight (a page of another site counts as idle). */
    void idle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.Vaadin || !!(window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")));
    }

    WebElement shown(String id) {
        idle();
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        return wait.until(ExpectedConditions.visibilityOf(e));
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

    /** A Vaadin field's native input is in its light DOM; the tab sends the value to the server. */
    void type(String id, String text) {
        WebElement input = shown(id).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(text, Keys.TAB);
        idle();
    }

    WebElement cell(String text) {
        idle();
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., '" + text + "')]")));
    }

    /** Waits for a text of the page (another site's page too) to appear. */
    void text(String text) {
        wait.until(d -> d.getPageSource().contains(text));
    }

    void screenshot(String name) throws Exception {
        idle();
        Thread.sleep(300);
        Path dir = Files.createDirectories(Path.of(System.getProperty("reelforge.it.screenshots", "target/screenshots")));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
