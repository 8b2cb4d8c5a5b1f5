package org.meterline.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The manual's §11 and §1 in real headless Chromium: a system admin creates a customer with its
 * account, switches to it, adds a service type and a rate (with the field errors a user gets for
 * a duplicate code and a non-numeric value), finds them in the grids; the customer's own admin
 * then logs in and sees them. Screenshots land in target/screenshots.
 */
public class BrowserProcessIT extends BrowserSupport {

    @BeforeClass
    public static void start() throws Exception {
        startPlatform("run-browser", 29000);
    }

    @Test
    public void customerServiceTypeAndRateThroughTheUi() throws Exception {
        browser.open(meterline.baseUrl() + "/meterline/");
        browser.find("login-username");
        browser.screenshot("01-login");
        browser.type("login-username", "admin");
        browser.type("login-password", "wrong-password");
        browser.click("login-button");
        browser.waitForText("login-error", "Wrong username or password");

        login("admin", MeterlineProcess.ADMIN_PASSWORD);
        // every group of the manual is in the menu (the lower ones may be scrolled out of sight)
        String[][] groups = {{"dashboard", "Dashboard"}, {"project", "Project"}, {"archive", "Archive"},
            {"work_order", "Work Order"}, {"operation", "Operation & Maintenance"}, {"billing", "Billing"},
            {"data_analysis", "Data Analysis"}, {"notification", "Notification Management"}, {"system", "System"}};
        for (String[] group : groups) {
            assertEquals(group[1], browser.driver.findElement(org.openqa.selenium.By.id("menu-group-" + group[0]))
                    .getAttribute("textContent"));
        }
        browser.screenshot("02-menu");

        // manual §11 ①-③: System → Customer Account Creation → +Add
        browser.click("menu-customer-account");
        browser.click("customer-add");
        browser.type("customer-form-code", "ACME");
        browser.type("customer-form-name", "Acme Power");
        browser.type("customer-form-contact", "Ann Acme");
        browser.type("customer-form-username", "acme-admin");
        browser.type("customer-form-password", "acme-password");
        browser.screenshot("03-customer-form");
        browser.click("customer-form-save");
        browser.waitGone("customer-form");
        browser.waitForText("customer-grid", "Acme Power");

        // ④-⑤: switch to the new customer
        browser.click("header-switch");
        browser.choose("switch-customer", "Acme Power");
        browser.click("switch-confirm");
        browser.waitForText("header-customer", "Acme Power");

        // manual §1.1: Project → Service Type → +Add
        browser.click("menu-service-type");
        browser.click("service-type-add");
        browser.type("service-type-form-code", "ELEC");
        browser.type("service-type-form-name", "Electricity");
        browser.click("service-type-form-save");
        browser.waitGone("service-type-form");
        browser.waitForText("service-type-grid", "Electricity");
        browser.screenshot("04-service-types");

        browser.click("service-type-add");
        browser.type("service-type-form-code", "elec");
        browser.type("service-type-form-name", "Again");
        browser.click("service-type-form-save");
        assertEquals("A service type with code ELEC already exists.", browser.fieldError("service-type-form-code"));
        browser.screenshot("05-duplicate-code");
        browser.click("service-type-form-cancel");

        // manual §1.2: Project → Service Rate → +Add
        browser.click("menu-service-rate");
        browser.click("service-rate-add");
        browser.choose("service-rate-form-serviceTypeId", "Electricity");
        browser.type("service-rate-form-code", "RES");
        browser.type("service-rate-form-name", "Residential");
        browser.type("service-rate-form-value", "a lot");
        browser.click("service-rate-form-save");
        assertEquals("Must be a number", browser.fieldError("service-rate-form-value"));
        browser.type("service-rate-form-value", "-1");
        browser.click("service-rate-form-save");
        assertEquals("Must be zero or more", browser.fieldError("service-rate-form-value"));
        browser.screenshot("06-rate-error");
        browser.type("service-rate-form-value", "0.245");
        browser.click("service-rate-form-save");
        browser.waitGone("service-rate-form");
        browser.waitForText("service-rate-grid", "RES");
        browser.waitForText("service-rate-grid", "0.245 EUR/kWh");
        assertTrue(Files.size(browser.screenshot("07-service-rates")) > 10_000);

        // the customer's own admin sees the rate; the platform operator's customer does not
        browser.click("header-logout");
        login("acme-admin", "acme-password");
        browser.waitForText("header-customer", "Acme Power");
        browser.click("menu-service-rate");
        browser.waitForText("service-rate-grid", "Residential");
        assertTrue(!browser.exists("menu-customer-account"));
        browser.screenshot("08-customer-admin");
    }
}
