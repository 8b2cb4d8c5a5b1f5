package org.meterline.archive.api;

import java.time.LocalDate;

/**
 * The fields of a consumer; status defaults to active. A terminated consumer needs the date it
 * was terminated on (billing stops from it).
 */
public record ConsumerInput(String organization, String code, String name, ConsumerType type, ConsumerStatus status,
        LocalDate activeDate, LocalDate terminatedOn, String contact, String phone, String email) {
}
