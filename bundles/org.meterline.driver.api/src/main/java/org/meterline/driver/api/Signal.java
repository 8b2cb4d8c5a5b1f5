package org.meterline.driver.api;

/** The module's radio signal: strength in dBm and quality 0..31 (as GSM CSQ), when the link has one. */
public record Signal(int rssiDbm, int quality) {
}
