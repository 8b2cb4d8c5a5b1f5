/**
 * The device and customer archive (manual §3, §4.1, §4.2): meter models, acquisition modules,
 * meters with their lifecycle, consumers and points of collection (POCs).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.archive.api;
