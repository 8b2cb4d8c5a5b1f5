package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The manual's §5 in real headless Chromium with the demo customer's simulated meters: Operation &amp;
 * Maintenance → Collocation task (a subgroup of the menu, closed at first) → Task Config → +Add, a start time earlier than now refused at its field, the task saved
 * (name, template, grid, model, start, interval, offset), Run now → the run finishes with each meter's
 * outcome, in a page that fits the window (the grids scroll, not the page); opened by URL, Task Config opens
 * its subgroup; Data Analysis → Meter Reading Statistics shows the day. Screenshots in
 * target/screenshots/collection-*.png.
 */
public class CollectionBrowserProcessIT extends BrowserSupport {

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpackDemo("run-collection-browser", 24000);
        meterline.start();
        meterline.awaitDemoData();
        browser = new Browser();
    }

    private static void typeDate(String id, String text) {
        WebElement input = browser.find(id).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        browser.idle();
    }

    /** Whether the element {@code second} comes after {@code first} in the page. */
    private static boolean follows(String first, String second) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver).executeScript(
                "return !!(document.getElementById(arguments[0]).compareDocumentPosition("
                        + "document.getElementById(arguments[1])) & Node.DOCUMENT_POSITION_FOLLOWING);", first, second));
    }

    /** The page does not scroll (the menu would end halfway); the three grids have rows to show. */
    private static void assertFitsTheWindow() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        Object overflow = js.executeScript("var ui = document.querySelector('.v-ui');"
                + " return ui.scrollHeight - ui.clientHeight;");
        assertTrue("the page scrolls by " + overflow + " px", ((Number) overflow).longValue() <= 1);
        for (String id : new String[] {"task-grid", "task-runs-grid", "task-outcomes-grid"}) {
            long height = browser.find(id).getSize().getHeight();
            // at least the header and two rows in Chromium's 1400 x 900 window (757 px of page)
            assertTrue(id + " is " + height + " px high", height >= 110);
        }
    }

    @Test
    public void configuresAndRunsACollectionTask() throws Exception {
        login("demo", "demo1234");

        // 5.1 ①② Operation & Maintenance → Collocation task → Task Config, ③ +Add
        assertTrue("Collocation task is an entry of Operation & Maintenance",
                follows("menu-group-operation", "menu-sub-collocation-task")
                        && follows("menu-sub-collocation-task", "menu-group-billing"));
        assertTrue(browser.find("menu-sub-collocation-task").getText().contains("Collocation task")); // after the icon
        assertFalse("the subgroup is closed at first", browser.exists("menu-task-config"));
        browser.click("menu-sub-collocation-task");
        browser.find("menu-task-config");
        assertEquals("Task Config sits in the Collocation task subgroup", 1, browser.driver.findElements(By.xpath(
                "//*[@id='menu-sub-collocation-task-items']//*[@id='menu-task-config']")).size());
        assertTrue(follows("menu-sub-collocation-task", "menu-task-config"));
        browser.click("menu-task-config");
        browser.find("task-grid");
        assertTrue(browser.find("menu-task-config").getAttribute("class").contains("selected"));
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
        assertFitsTheWindow();
        // long texts have tooltips: the outcome's message
        new org.openqa.selenium.interactions.Actions(browser.driver).moveToElement(browser.driver.findElement(By.xpath(
                "//*[@id='task-outcomes-grid']//td[contains(@class,'v-grid-cell')][contains(., '6 registers')]"))).perform();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> d.findElements(
                By.cssSelector(".v-tooltip")).stream().anyMatch(t -> t.isDisplayed() && t.getText().contains("6 registers")));

        // a fresh page opened at #!task-config: the subgroup opens, the entry is marked
        browser.open(meterline.baseUrl() + "/meterline/#!task-config");
        browser.find("task-grid");
        assertTrue(browser.find("menu-task-config").getAttribute("class").contains("selected"));
        browser.click("menu-sub-collocation-task");
        browser.waitGone("menu-task-config");
        assertTrue("a closed subgroup shows it holds the open view",
                browser.find("menu-sub-collocation-task").getAttribute("class").contains("ml-sub-current"));

        // Data Analysis → Meter Reading Statistics
        browser.click("menu-meter-reading-statistics");
        browser.click("stats-search");
        browser.waitForText("stats-grid", "Daily registers");
        browser.waitForText("stats-grid", "100.0 %");
        browser.screenshot("collection-03-statistics");
    }
}
