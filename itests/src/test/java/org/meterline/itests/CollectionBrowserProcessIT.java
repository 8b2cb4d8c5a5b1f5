package org.meterline.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The manual's §5 in real headless Chromium with the demo customer's simulated meters: Operation &amp;
 * Maintenance → Task Config → +Add, a start time earlier than now refused at its field, the task saved
 * (name, template, grid, model, start, interval, offset), Run now → the run finishes with each meter's
 * outcome; Data Analysis → Meter Reading Statistics shows the day. Screenshots in
 * target/screenshots/collection-*.png.
 */
public class CollectionBrowserProcessIT extends BrowserSupport {

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpack("run-collection-browser", 37000);
        Path deploy = meterline.home.resolve("deploy");
        Files.createDirectories(deploy);
        Files.copy(Paths.get("../distribution/src/demo/deploy/meterline-demo.xml"), deploy.resolve("meterline-demo.xml"));
        meterline.set("etc/org.meterline.demo.cfg", "simulatorPort", "37059");
        meterline.set("etc/org.meterline.demo.cfg", "url", meterline.baseUrl() + "/meterline");
        meterline.start();
        RestClient demo = new RestClient(meterline.baseUrl() + "/api/v1", "demo", "demo1234");
        demo.await("/collection-tasks", 200, Duration.ofSeconds(120));
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end && demo.get("/pocs?limit=1").json().get("total").asInt() < 60) {
            Thread.sleep(500); // the demo data is still being written
        }
        browser = new Browser();
    }

    private static void typeDate(String id, String text) {
        WebElement input = browser.find(id).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        browser.idle();
    }

    @Test
    public void configuresAndRunsACollectionTask() throws Exception {
        login("demo", "demo1234");

        // 5.1 ①② Operation & Maintenance → (Collocation task →) Task Config, ③ +Add
        browser.click("menu-task-config");
        browser.find("task-grid");
        browser.click("task-add");

        // 5.2 ①-⑥
        browser.type("task-form-name", "Daily registers");
        browser.choose("task-form-template", "Daily frozen energy registers");
        browser.choose("task-form-gridId", "North Grid");
        browser.choose("task-form-modelId", "Iskra");
        browser.type("task-form-intervalMinutes", "1440");
        browser.type("task-form-offsetMinutes", "1440");
        typeDate("task-form-startTime", "2020-01-01 00:00");
        browser.click("task-form-save");
        String error = browser.fieldError("task-form-startTime");
        assertTrue(error, error.toLowerCase(java.util.Locale.ROOT).contains("must not be earlier than now"));
        typeDate("task-form-startTime", "2099-01-01 00:00");
        browser.screenshot("collection-01-task-form");
        // ⑦ Save
        browser.click("task-form-save");
        browser.waitGone("task-form");
        browser.waitForText("task-grid", "Daily registers");
        browser.waitForText("task-grid", "Iskra AM550");

        // Run now → the run finishes; its outcomes per meter
        browser.selectRow("task-grid", "Daily registers");
        browser.click("task-run-now");
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end && !browser.find("task-runs-grid").getText().contains("finished")) {
            Thread.sleep(1000);
            browser.click("task-runs-refresh");
        }
        browser.waitForText("task-runs-grid", "finished");
        browser.selectRow("task-runs-grid", "finished");
        browser.waitForText("task-outcomes-grid", "succeeded");
        browser.waitForText("task-outcomes-grid", "6 registers");
        browser.screenshot("collection-02-runs");

        // Data Analysis → Meter Reading Statistics
        browser.click("menu-meter-reading-statistics");
        browser.click("stats-search");
        browser.waitForText("stats-grid", "Daily registers");
        browser.waitForText("stats-grid", "100.0 %");
        browser.screenshot("collection-03-statistics");
    }
}
