package org.meterline.archive.api;

import java.util.Optional;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** Archive → Consumer (manual §4.1). Sort: code, name, organization, type, status, activeDate. */
public interface ConsumerService {

    Page<Consumer> listConsumers(Caller caller, PageRequest page);

    Consumer getConsumer(Caller caller, long id);

    Optional<Consumer> findConsumer(Caller caller, String code);

    Consumer createConsumer(Caller caller, ConsumerInput input);

    Consumer updateConsumer(Caller caller, long id, ConsumerInput input);

    /** Refused while a POC names the consumer. */
    void deleteConsumer(Caller caller, long id);
}
