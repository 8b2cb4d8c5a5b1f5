package org.meterline.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Paths;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Real headless Chromium (Debian's chromium + chromium-driver) driving the Vaadin UI by the
 * component ids the views set.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots = Paths.get("target", "screenshots");

    Browser() throws IOException {
        if (!Files.isExecutable(Paths.get(CHROMIUM)) || !Files.isExecutable(Paths.get(DRIVER))) {
            throw new IllegalStateException("The browser tests need Chromium and ChromeDriver: "
                    + "apt-get install chromium chromium-driver (or set -Dchromium.binary / -Dchromedriver.binary)");
        }
        Path profile = Files.createTempDirectory("meterline-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Paths.get(DRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(screenshots);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void click(String id) {
        idle();
        // menu entries low in a long menu sit in its scrolled-away part
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Types into a Vaadin text field (the id sits on the input element). */
    void type(String id, String text) {
        WebElement input = find(id);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks the item whose caption contains {@code text} in a Vaadin ComboBox. */
    void choose(String comboId, String text) {
        WebElement combo = find(comboId);
        combo.findElement(By.className("v-filterselect-button")).click();
        By item = By.xpath("//div[contains(@class,'v-filterselect-suggestpopup')]//td[contains(., '" + text + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(d -> combo.findElement(By.tagName("input")).getAttribute("value").contains(text));
        idle();
        // the popup sometimes stays open after the pick; a click beside it closes it
        By popup = By.className("v-filterselect-suggestpopup");
        for (int i = 0; i < 5 && driver.findElements(popup).stream().anyMatch(WebElement::isDisplayed); i++) {
            // inside a dialog a click on its header closes the popup; on a page, Escape does
            List<WebElement> headers = driver.findElements(By.cssSelector(".v-window-header"));
            if (headers.isEmpty()) {
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
            } else {
                headers.get(0).click();
            }
            idle();
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(popup));
    }

    /** Moves the option with this caption to the chosen side of a Vaadin TwinColSelect. */
    void twinColSelect(String id, String caption) {
        WebElement twin = find(id);
        new org.openqa.selenium.support.ui.Select(twin.findElement(By.cssSelector("select.v-select-twincol-options")))
                .selectByVisibleText(caption);
        twin.findElement(By.cssSelector(".v-select-twincol-buttons .v-button")).click();
        wait.until(d -> twin.findElement(By.cssSelector("select.v-select-twincol-selections")).getText().contains(caption));
    }

    /** Hands a file to a Vaadin Upload (it starts as soon as a file is chosen). */
    void upload(String id, java.nio.file.Path file) {
        idle();
        WebElement input = find(id).findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** Selects the row of a Vaadin Grid that shows {@code text} in one of its cells. */
    void selectRow(String gridId, String text) {
        idle();
        By cell = By.xpath("//*[@id='" + gridId + "']//td[contains(@class,'v-grid-cell')][contains(., '" + text + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(cell)).click();
        wait.until(d -> !d.findElements(By.xpath("//*[@id='" + gridId + "']//tr[contains(@class,'v-grid-row-selected')]"))
                .isEmpty());
        idle();
    }

    void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** Waits until a field shows a validation error and returns its message. */
    String fieldError(String id) {
        wait.until(d -> find(id).getAttribute("class").contains("error"));
        // FormLayout puts the error indicator in its own cell of the field's row
        WebElement indicator = find(id).findElement(By.xpath("./ancestor::tr[1]//span[contains(@class,'v-errorindicator')]"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(find(id)).perform();
        if (!indicator.isDisplayed()) {
            throw new AssertionError("no error indicator next to " + id);
        }
        return wait.until(d -> {
            var tips = d.findElements(By.cssSelector(".v-tooltip .v-errormessage"));
            return tips.isEmpty() || tips.get(0).getText().isBlank() ? null : tips.get(0).getText();
        });
    }

    boolean exists(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    void waitGone(String id) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
    }

    void idle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.vaadin || Object.values(window.vaadin.clients).every(c => !c.isActive());")));
    }

    Path screenshot(String name) throws IOException {
        idle();
        Path target = screenshots.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
