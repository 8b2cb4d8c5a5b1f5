package org.meterline.itests;

import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * What every browser test shares: the distribution as a process, one headless Chromium, a
 * screenshot when a step fails, and logging in through the login page.
 */
public abstract class BrowserSupport {

    protected static MeterlineProcess meterline;
    protected static Browser browser;

    /** A failing step leaves a screenshot of what the browser showed. */
    @Rule
    public TestWatcher failureScreenshot = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            try {
                browser.screenshot("FAILED-" + description.getClassName().replaceAll(".*\\.", "") + "-"
                        + description.getMethodName());
            } catch (Exception ignored) {
                // the failure itself is what matters
            }
        }
    };

    /** Unpacks and starts the distribution on ports from {@code portBase}, then opens the browser. */
    protected static void startPlatform(String name, int portBase) throws Exception {
        meterline = MeterlineProcess.unpack(name, portBase);
        meterline.start();
        browser = new Browser();
    }

    @AfterClass
    public static void stopPlatform() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (meterline != null) {
            meterline.close();
            meterline = null;
        }
    }

    protected static void login(String user, String password) {
        browser.open(meterline.baseUrl() + "/meterline/");
        browser.type("login-username", user);
        browser.type("login-password", password);
        browser.click("login-button");
        browser.find("menu");
    }
}
