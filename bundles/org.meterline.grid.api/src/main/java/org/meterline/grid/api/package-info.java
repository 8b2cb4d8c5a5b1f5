/**
 * Sites, projects and power grids (manual §2): {@link org.meterline.grid.api.GridService}.
 * Capabilities that point at grid objects (POCs, topology) register a
 * {@link org.meterline.grid.api.GridReferences} so an object in use cannot be deleted.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.grid.api;
