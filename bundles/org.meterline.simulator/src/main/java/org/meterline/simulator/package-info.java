/**
 * A fleet of simulated DLMS/COSEM meters on loopback, built on the jDLMS server: usable from plain
 * tests ({@link org.meterline.simulator.Fleet#start}) and, in Karaf, through the simulator service
 * and shell commands. GPL-3.0-or-later, because it links jDLMS.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.meterline.simulator;
