package org.meterline.archive.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Path;
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.ConsumerService;
import org.meterline.rest.api.CrudResource;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Archive → Consumer (manual §4.1). Sort: code, name, organization, type, status, activeDate; q
 * matches code, name and organization.
 */
@Component(service = RestResource.class)
@Path("/consumers")
@Tag(name = "Consumers", description = "manual §4.1; a consumer that a POC names cannot be deleted")
public class ConsumerResource extends CrudResource<Consumer, ConsumerInput> {

    @Activate
    public ConsumerResource(@Reference ConsumerService consumers) {
        super(operations(consumers::listConsumers, consumers::getConsumer, consumers::createConsumer,
                consumers::updateConsumer, consumers::deleteConsumer),
                new ConsumerInput(null, null, null, null, null, null, null, null, null, null));
    }
}
