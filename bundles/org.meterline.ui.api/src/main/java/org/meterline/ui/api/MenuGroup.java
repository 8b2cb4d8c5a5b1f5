package org.meterline.ui.api;

/** The menu groups of the operator manual, in menu order. */
public enum MenuGroup {
    DASHBOARD("Dashboard"),
    PROJECT("Project"),
    ARCHIVE("Archive"),
    WORK_ORDER("Work Order"),
    OPERATION("Operation & Maintenance"),
    BILLING("Billing"),
    DATA_ANALYSIS("Data Analysis"),
    NOTIFICATION("Notification Management"),
    SYSTEM("System");

    private final String caption;

    MenuGroup(String caption) {
        this.caption = caption;
    }

    public String caption() {
        return caption;
    }
}
