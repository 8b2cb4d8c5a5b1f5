/**
 * Data collection (Operation &amp; Maintenance → Collocation task → Task Config, manual §5): task
 * templates naming what a task reads, collection tasks (which meters: a power grid and optionally a
 * meter model; when: a start time, an interval and an offset), their runs and each meter's outcome
 * in a run, and the Network Monitor of acquisition modules (signal, last contact, online). Permission area {@value org.meterline.collection.api.CollectionService#AREA}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.meterline.collection.api;
