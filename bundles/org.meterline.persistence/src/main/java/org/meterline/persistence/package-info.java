/**
 * Shared persistence glue: versioned schema migrations per bundle ({@link SchemaMigrations})
 * and transactions over a tenant-scoped EclipseLink entity manager ({@link Jpa}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.persistence;
