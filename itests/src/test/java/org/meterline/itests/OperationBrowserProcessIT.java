package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;

/**
 * The manual's §8.1 and §8.2 in real headless Chromium against simulated DLMS meters: Operation &amp;
 * Maintenance → Meter operation, select a meter, Read (the default items are ticked) → values;
 * Meter Reading Item Settings; Operating → Main relay disconnect (confirmed) → state disconnected,
 * then connect. Screenshots land in target/screenshots/operation-*.png.
 */
public class OperationBrowserProcessIT extends BrowserSupport {

    private static final int SIM_PORT = 21559;
    private static OperationFixture fixture;

    @BeforeClass
    public static void start() throws Exception {
        meterline = MeterlineProcess.unpack("run-operation-browser", 21000);
        OperationFixture.installSimulator(meterline);
        meterline.start();
        meterline.admin().await("/operations", 200, java.time.Duration.ofSeconds(60));
        browser = new Browser();
        fixture = OperationFixture.create(meterline, SIM_PORT, "OPR", "OPR", "opr-admin", "opr-password");
    }

    private static String cell(String gridId, int row, int column) {
        return browser.driver.findElement(By.xpath("//*[@id='" + gridId + "']//tbody/tr[" + row + "]/td[" + column + "]"))
                .getText();
    }

    @Test
    public void readsAndSwitchesTheRelayOfASimulatedMeter() throws Exception {
        login("opr-admin", "opr-password");

        // ①② Operation & Maintenance → Meter operation
        browser.click("menu-meter-operation");
        browser.waitForText("operation-meter-grid", "OPR000003");
        browser.type("operation-meter-filter", "OPR000002");
        browser.waitForText("operation-meter-grid", "OPR000002");
        browser.type("operation-meter-filter", "");
        browser.waitForText("operation-meter-grid", "OPR000001");

        // ③ select a meter: its reading items, the defaults ticked
        browser.selectRow("operation-meter-grid", "OPR000001");
        browser.waitForText("operation-meter", "OPR000001");
        browser.waitForText("operation-items", "Connection status");
        browser.screenshot("operation-01-meter-selected");

        // ⑤ Read → values appear (the work runs on the operation lane; the page polls for the outcome)
        browser.click("operation-read");
        browser.waitForText("operation-status", "Read 2 item(s) of OPR000001");
        browser.waitForText("operation-result-grid", "Wh");
        browser.waitForText("operation-result-grid", "connected");
        assertEquals("1.0.1.8.0.255", cell("operation-result-grid", 1, 1));
        assertTrue(cell("operation-result-grid", 1, 3), cell("operation-result-grid", 1, 3).matches("\\d+(\\.\\d+)?"));
        assertEquals("good", cell("operation-result-grid", 1, 6));
        browser.waitForText("operation-log-grid", "success");
        browser.screenshot("operation-02-read");

        // ④ Meter Reading Item Settings: add voltage for the model
        browser.click("operation-item-settings");
        browser.find("operation-settings-dialog");
        browser.driver.findElement(By.xpath("//*[@id='operation-settings-items']//label[contains(., 'Voltage L1')]"))
                .click();
        browser.screenshot("operation-03-item-settings");
        browser.click("operation-settings-save");
        browser.waitGone("operation-settings-dialog");
        browser.click("operation-read");
        browser.waitForText("operation-status", "Read 3 item(s) of OPR000001");
        browser.waitForText("operation-result-grid", "Voltage L1");

        // §8.1 ④⑤ Operating → Main relay disconnect, confirmed → the state read back
        browser.selectRow("operation-meter-grid", "OPR000002");
        browser.click("operation-relay");
        browser.waitForText("operation-relay-state", "Relay state: connected");
        browser.click("operation-relay-disconnect");
        browser.find("confirm-dialog");
        browser.screenshot("operation-04-confirm-disconnect");
        browser.click("confirm-ok");
        browser.waitForText("operation-relay-state", "Relay state: disconnected");
        browser.waitForText("operation-relay-result", "Main relay disconnect done");
        browser.screenshot("operation-05-disconnected");
        browser.click("operation-relay-connect");
        browser.click("confirm-ok");
        browser.waitForText("operation-relay-state", "Relay state: connected");
        browser.click("operation-relay-close");
        browser.waitGone("operation-relay-dialog");
        browser.waitForText("operation-log-grid", "relay-connect");
        browser.waitForText("operation-log-grid", "relay-disconnect");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('operation-log-grid').scrollIntoView({block: 'end'});");
        browser.screenshot("operation-06-log");
    }
}
