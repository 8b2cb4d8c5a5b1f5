package org.meterline.archive.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.TextField;
import org.meterline.archive.api.Consumer;
import org.meterline.archive.api.ConsumerInput;
import org.meterline.archive.api.ConsumerService;
import org.meterline.archive.api.ConsumerStatus;
import org.meterline.archive.api.ConsumerType;
import org.meterline.core.api.Permission;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Archive → Consumer (manual §4.1). */
final class ConsumerView extends CrudView<Consumer> {

    private static final long serialVersionUID = 1L;

    private final transient ConsumerService consumers;

    ConsumerView(ConsumerService consumers) {
        super("Consumer", "consumer", consumers::listConsumers, Permission.write("archive"));
        this.consumers = consumers;
        column("code", "Consumer Code", Consumer::code);
        column("name", "Consumer Name", Consumer::name);
        column("organization", "Organization", c -> c.organization() == null ? "" : c.organization());
        column("type", "Type", c -> c.type().toString());
        column("status", "Status", c -> c.status().toString());
        column("activeDate", "Active Date", c -> c.activeDate() == null ? "" : c.activeDate().toString());
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(Consumer item) {
        form(item);
    }

    private void form(Consumer item) {
        FormDialog dialog = new FormDialog(item == null ? "Add consumer" : "Edit consumer", "consumer-form");
        TextField organization = dialog.field("organization", new TextField("Organization"), false);
        TextField code = dialog.field("code", new TextField("Consumer Code"), true);
        TextField name = dialog.field("name", new TextField("Consumer Name"), true);
        ComboBox<ConsumerType> type = dialog.field("type", new ComboBox<>("Type"), true);
        type.setItems(ConsumerType.values());
        type.setItemCaptionGenerator(Enum::toString);
        type.setEmptySelectionAllowed(false);
        type.setValue(ConsumerType.RESIDENTIAL);
        ComboBox<ConsumerStatus> status = dialog.field("status", new ComboBox<>("Status"), true);
        status.setItems(ConsumerStatus.values());
        status.setItemCaptionGenerator(Enum::toString);
        status.setEmptySelectionAllowed(false);
        status.setValue(ConsumerStatus.ACTIVE);
        DateField activeDate = dialog.field("activeDate", new DateField("Active Date"), false);
        activeDate.setDateFormat("yyyy-MM-dd");
        DateField terminatedOn = dialog.field("terminatedOn", new DateField("Terminated On"), false);
        terminatedOn.setDateFormat("yyyy-MM-dd");
        TextField contact = dialog.field("contact", new TextField("Contact"), false);
        TextField phone = dialog.field("phone", new TextField("Phone"), false);
        TextField email = dialog.field("email", new TextField("E-mail"), false);
        if (item != null) {
            organization.setValue(item.organization() == null ? "" : item.organization());
            code.setValue(item.code());
            name.setValue(item.name());
            type.setValue(item.type());
            status.setValue(item.status());
            activeDate.setValue(item.activeDate());
            terminatedOn.setValue(item.terminatedOn());
            contact.setValue(item.contact() == null ? "" : item.contact());
            phone.setValue(item.phone() == null ? "" : item.phone());
            email.setValue(item.email() == null ? "" : item.email());
        }
        dialog.onSave(() -> {
            ConsumerInput input = new ConsumerInput(organization.getValue(), code.getValue(), name.getValue(),
                    type.getValue(), status.getValue(), activeDate.getValue(), terminatedOn.getValue(),
                    contact.getValue(), phone.getValue(), email.getValue());
            if (item == null) {
                consumers.createConsumer(caller(), input);
            } else {
                consumers.updateConsumer(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void delete(Consumer item) {
        consumers.deleteConsumer(caller(), item.id());
    }

    @Override
    protected String describe(Consumer item) {
        return "consumer " + item.code();
    }
}
