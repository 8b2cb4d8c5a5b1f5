package org.meterline.archive.api;

import java.time.LocalDate;

/** An electricity user that is billed (manual §4.1). */
public record Consumer(long id, String organization, String code, String name, ConsumerType type,
        ConsumerStatus status, LocalDate activeDate, LocalDate terminatedOn, String contact, String phone,
        String email) {
}
