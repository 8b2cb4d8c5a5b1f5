package org.meterline.archive.api;

/**
 * New communication settings for a meter. Secrets are write-only: a null (or empty) password or
 * key keeps the stored one. Keys are 32 hex digits (16 bytes, AES-128); the password is the LLS
 * secret as text. {@link #toString()} never shows secrets.
 */
public record MeterCommunicationInput(Integer logicalDevice, Integer clientId, String security, String password,
        String authenticationKey, String encryptionKey, String masterKey) {

    @Override
    public String toString() {
        return "MeterCommunicationInput[logicalDevice=" + logicalDevice + ", clientId=" + clientId + ", security="
                + security + ", secrets=***]";
    }
}
