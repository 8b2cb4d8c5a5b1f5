package org.meterline.itests;

import static org.junit.Assert.assertEquals;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The manual's §2.1–2.3, §3.1–3.2, §4.1 and §4.2 in real headless Chromium, menu by menu:
 * +Add, fill, Save, find the row. A customer with a service rate is set up over REST first (§1
 * and §11 have their own browser test). Screenshots land in target/screenshots/archive-*.png.
 */
public class ArchiveBrowserProcessIT extends BrowserSupport {

    @BeforeClass
    public static void start() throws Exception {
        startPlatform("run-archive-browser", 30000);
        RestClient admin = meterline.admin();
        admin.await("/pocs", 200, java.time.Duration.ofSeconds(60));
        assertEquals(201, admin.post("/customers", "{\"code\":\"OMEGA\",\"name\":\"Omega Energy\","
                + "\"username\":\"omega-admin\",\"password\":\"omega-password\"}").status());
        RestClient omega = admin.as("omega-admin", "omega-password");
        long type = omega.post("/service-types", "{\"code\":\"ELEC\",\"name\":\"Electricity\"}").json().get("id").asLong();
        assertEquals(201, omega.post("/service-rates", "{\"serviceTypeId\":" + type
                + ",\"code\":\"RES\",\"name\":\"Residential\",\"value\":0.25}").status());
    }

    private void save(String form, String grid, String text) {
        browser.click(form + "-save");
        browser.waitGone(form);
        browser.waitForText(grid, text);
    }

    @Test
    public void gridArchiveAndPocThroughTheUi() throws Exception {
        login("omega-admin", "omega-password");

        // §2.1 Project → Sites → +Add
        browser.click("menu-site");
        browser.click("site-add");
        browser.type("site-form-name", "Riverside");
        browser.type("site-form-shortName", "RVS");
        browser.type("site-form-latitude", "52.52");
        browser.type("site-form-longitude", "13.405");
        save("site-form", "site-grid", "Riverside");
        browser.screenshot("archive-01-sites");

        // §2.2 Project → Projects → +Add, with its service rates
        browser.click("menu-project");
        browser.click("project-add");
        browser.choose("project-form-siteId", "Riverside");
        browser.type("project-form-name", "Riverside Apartments");
        browser.twinColSelect("project-form-serviceRateIds", "Residential (RES)");
        browser.screenshot("archive-02-project-form");
        save("project-form", "project-grid", "Riverside Apartments");

        // §2.3 Project → Power Grid → +Add a top-level grid, then one below it
        browser.click("menu-power-grid");
        browser.click("power-grid-add");
        browser.type("power-grid-form-name", "North Grid");
        save("power-grid-form", "power-grid-grid", "North Grid");
        browser.click("power-grid-add");
        browser.choose("power-grid-form-parentId", "North Grid");
        browser.type("power-grid-form-name", "Feeder 1");
        browser.click("power-grid-form-save");
        browser.waitGone("power-grid-form");
        browser.screenshot("archive-03-power-grid");

        // §3.1 Archive → Acquisition Module, Meter Models
        browser.click("menu-acquisition-module");
        browser.click("acquisition-module-add");
        browser.type("acquisition-module-form-serialNumber", "MOD-0001");
        browser.choose("acquisition-module-form-type", "gprs");
        browser.type("acquisition-module-form-address", "127.0.0.1:4059");
        save("acquisition-module-form", "acquisition-module-grid", "MOD-0001");
        browser.click("menu-meter-model");
        browser.click("meter-model-add");
        browser.type("meter-model-form-manufacturer", "Landis+Gyr");
        browser.type("meter-model-form-model", "E450");
        save("meter-model-form", "meter-model-grid", "E450");
        // the DLMS driver ships a profile for this model: the column names it
        browser.waitForText("meter-model-grid", "dlms");
        browser.screenshot("archive-04a-meter-models");

        // §3.2 Archive → Meter → +Add
        browser.click("menu-meter");
        browser.click("meter-add");
        browser.type("meter-form-serialNumber", "SN-0001");
        browser.choose("meter-form-modelId", "E450");
        browser.choose("meter-form-moduleId", "MOD-0001");
        browser.type("meter-form-ctRatio", "abc");
        browser.click("meter-form-save");
        assertEquals("Must be a number", browser.fieldError("meter-form-ctRatio"));
        browser.type("meter-form-ctRatio", "1");
        save("meter-form", "meter-grid", "SN-0001");
        browser.waitForText("meter-grid", "warehouse");
        browser.screenshot("archive-04-meters");

        // Archive → Meter → Communication: how the platform reaches the meter; keys are write-only
        browser.selectRow("meter-grid", "SN-0001");
        browser.click("meter-communication");
        browser.choose("meter-comm-form-security", "HLS5");
        assertEquals("1", browser.find("meter-comm-form-clientId").getAttribute("value"));
        browser.type("meter-comm-form-logicalDevice", "17");
        browser.type("meter-comm-form-authenticationKey", "1234");
        browser.click("meter-comm-form-save");
        assertEquals("Must be 32 hexadecimal digits (16 bytes)",
                browser.fieldError("meter-comm-form-authenticationKey"));
        browser.type("meter-comm-form-authenticationKey", "000102030405060708090a0b0c0d0e0f");
        browser.type("meter-comm-form-encryptionKey", "101112131415161718191a1b1c1d1e1f");
        browser.screenshot("archive-04b-meter-communication");
        browser.click("meter-comm-form-save");
        browser.waitGone("meter-comm-form");
        browser.click("meter-communication");
        assertEquals("stored — leave empty to keep",
                browser.find("meter-comm-form-authenticationKey").getAttribute("placeholder"));
        assertEquals("", browser.find("meter-comm-form-authenticationKey").getAttribute("value"));
        assertEquals("17", browser.find("meter-comm-form-logicalDevice").getAttribute("value"));
        browser.click("meter-comm-form-cancel");
        browser.waitGone("meter-comm-form");

        // §4.1 Archive → Consumer → +Add
        browser.click("menu-consumer");
        browser.click("consumer-add");
        browser.type("consumer-form-code", "C-0001");
        browser.type("consumer-form-name", "Carla Consumer");
        save("consumer-form", "consumer-grid", "C-0001");

        // §4.2 Archive → POC → +Add
        browser.click("menu-poc");
        browser.click("poc-add");
        browser.choose("poc-form-siteId", "Riverside");
        browser.choose("poc-form-projectId", "Riverside Apartments");
        browser.choose("poc-form-powerGridId", "Feeder 1");
        browser.choose("poc-form-serviceRateId", "Residential");
        browser.type("poc-form-meterSerial", "SN-0001");
        browser.type("poc-form-consumerCode", "c-0001");
        browser.type("poc-form-name", "Flat 1");
        browser.screenshot("archive-05-poc-form");
        save("poc-form", "poc-grid", "Flat 1");
        browser.waitForText("poc-grid", "C-0001");
        browser.screenshot("archive-06-pocs");

        // binding installed the meter; a second POC on it is refused on the field
        browser.click("menu-meter");
        browser.waitForText("meter-grid", "installed");
        browser.click("menu-poc");
        browser.click("poc-add");
        browser.choose("poc-form-siteId", "Riverside");
        browser.choose("poc-form-projectId", "Riverside Apartments");
        browser.choose("poc-form-serviceRateId", "Residential");
        browser.type("poc-form-meterSerial", "SN-0001");
        browser.type("poc-form-consumerCode", "C-0001");
        browser.type("poc-form-name", "Flat 2");
        browser.click("poc-form-save");
        assertEquals("Meter SN-0001 already belongs to POC Flat 1.", browser.fieldError("poc-form-meterSerial"));
        browser.screenshot("archive-07-poc-conflict");
        browser.click("poc-form-cancel");

        // §3 bulk import: a file with a bad row imports nothing and lists the row; a good one imports
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("meters-bad", ".csv");
        java.nio.file.Files.writeString(bad, "serialNumber,manufacturer,model\nSN-0100,Landis+Gyr,E450\nSN-0101,Nobody,X1\n");
        java.nio.file.Path good = java.nio.file.Files.createTempFile("meters-good", ".csv");
        StringBuilder rows = new StringBuilder("serialNumber,manufacturer,model,moduleSerial\n");
        for (int i = 100; i < 350; i++) {
            rows.append("SN-0").append(i).append(",Landis+Gyr,E450,\n");
        }
        java.nio.file.Files.writeString(good, rows);
        browser.click("menu-archive-import");
        browser.upload("import-upload", bad);
        browser.waitForText("import-status", "nothing was imported");
        browser.waitForText("import-errors", "Nobody");
        browser.screenshot("archive-08-import-rejected");
        browser.upload("import-upload", good);
        browser.waitForText("import-status", "Imported 250 meters");
        browser.screenshot("archive-09-import-done");
        browser.click("menu-meter");
        browser.type("meter-filter", "SN-034");
        browser.waitForText("meter-grid", "SN-0349");
    }
}
