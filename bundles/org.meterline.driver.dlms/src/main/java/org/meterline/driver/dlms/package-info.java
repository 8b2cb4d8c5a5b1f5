/**
 * The DLMS/COSEM meter driver on jDLMS. Nothing here is exported: the driver is a
 * {@code MeterDriver} service. GPL-3.0-or-later, because it links jDLMS.
 */
package org.meterline.driver.dlms;
