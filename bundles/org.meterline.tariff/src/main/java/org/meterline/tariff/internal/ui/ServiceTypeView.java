package org.meterline.tariff.internal.ui;

import com.vaadin.ui.TextField;
import org.meterline.core.api.Permission;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.ServiceTypeInput;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Project → Service Type (manual §1.1). */
final class ServiceTypeView extends CrudView<ServiceType> {

    private static final long serialVersionUID = 1L;

    private final transient TariffService tariff;

    ServiceTypeView(TariffService tariff) {
        super("Service Type", "service-type", tariff::listServiceTypes, Permission.write("tariff"));
        this.tariff = tariff;
        column("code", "Service Type Code", ServiceType::code);
        column("name", "Service Type Name", ServiceType::name);
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(ServiceType item) {
        form(item);
    }

    private void form(ServiceType item) {
        FormDialog dialog = new FormDialog(item == null ? "Add service type" : "Edit service type", "service-type-form");
        TextField code = dialog.field("code", new TextField("Service Type Code"), true);
        TextField name = dialog.field("name", new TextField("Service Type Name"), true);
        if (item != null) {
            code.setValue(item.code());
            name.setValue(item.name());
        }
        dialog.onSave(() -> {
            ServiceTypeInput input = new ServiceTypeInput(code.getValue(), name.getValue());
            if (item == null) {
                tariff.createServiceType(caller(), input);
            } else {
                tariff.updateServiceType(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void delete(ServiceType item) {
        tariff.deleteServiceType(caller(), item.id());
    }

    @Override
    protected String describe(ServiceType item) {
        return "service type " + item.code();
    }
}
