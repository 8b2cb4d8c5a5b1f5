/**
 * Types every Meterline capability shares: who is calling ({@link org.meterline.core.api.Caller}),
 * what they may do ({@link org.meterline.core.api.Role}, {@link org.meterline.core.api.Permission}),
 * paging, and the error types that REST, the UI and the shell turn into messages.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.meterline.core.api;
