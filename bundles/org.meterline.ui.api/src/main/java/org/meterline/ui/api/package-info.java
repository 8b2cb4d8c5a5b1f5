/**
 * How a capability adds screens to the web UI: register a {@link org.meterline.ui.api.ViewContribution}
 * service; the shell shows it in its {@link org.meterline.ui.api.MenuGroup} to callers who hold
 * its permission, optionally inside a subgroup ({@link org.meterline.ui.api.ViewContribution#subgroup()},
 * since 1.2). Shared widgets ({@link org.meterline.ui.api.CrudView},
 * {@link org.meterline.ui.api.FormDialog}) give every list and form the same behaviour.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.meterline.ui.api;
