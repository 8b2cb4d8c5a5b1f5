package org.meterline.tariff.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.TextField;
import java.math.BigDecimal;
import java.util.List;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.ServiceRateInput;
import org.meterline.tariff.api.ServiceType;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Project → Service Rate (manual §1.2). */
final class ServiceRateView extends CrudView<ServiceRate> {

    private static final long serialVersionUID = 1L;

    private final transient TariffService tariff;

    ServiceRateView(TariffService tariff) {
        super("Service Rate", "service-rate", tariff::listServiceRates, Permission.write("tariff"));
        this.tariff = tariff;
        column("serviceType", "Service Type", r -> r.serviceTypeName() + " (" + r.serviceTypeCode() + ")");
        column("code", "Service Rate Code", ServiceRate::code);
        column("name", "Service Rate Name", ServiceRate::name);
        column("value", "Service Rate Value", r -> r.value().toPlainString() + " " + r.currency() + "/" + r.unit());
        column("validFrom", "Valid From", r -> r.validFrom() == null ? "" : r.validFrom().toString());
        column("validTo", "Valid To", r -> r.validTo() == null ? "" : r.validTo().toString());
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(ServiceRate item) {
        form(item);
    }

    private void form(ServiceRate item) {
        FormDialog dialog = new FormDialog(item == null ? "Add service rate" : "Edit service rate", "service-rate-form");
        ComboBox<ServiceType> type = dialog.field("serviceTypeId", new ComboBox<>("Service Type"), true);
        List<ServiceType> types = tariff.listServiceTypes(caller(),
                new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, "")).items();
        type.setItems(types);
        type.setItemCaptionGenerator(t -> t.name() + " (" + t.code() + ")");
        TextField code = dialog.field("code", new TextField("Service Rate Code"), true);
        TextField name = dialog.field("name", new TextField("Service Rate Name"), true);
        TextField value = dialog.field("value", new TextField("Service Rate Value"), true);
        value.setPlaceholder("e.g. 0.25");
        TextField currency = dialog.field("currency", new TextField("Currency"), false);
        currency.setValue("EUR");
        TextField unit = dialog.field("unit", new TextField("Unit"), false);
        unit.setValue("kWh");
        DateField from = dialog.field("validFrom", new DateField("Valid From"), false);
        DateField to = dialog.field("validTo", new DateField("Valid To"), false);
        from.setDateFormat("yyyy-MM-dd");
        to.setDateFormat("yyyy-MM-dd");
        if (item != null) {
            types.stream().filter(t -> t.id() == item.serviceTypeId()).findFirst().ifPresent(type::setValue);
            code.setValue(item.code());
            name.setValue(item.name());
            value.setValue(item.value().toPlainString());
            currency.setValue(item.currency());
            unit.setValue(item.unit());
            from.setValue(item.validFrom());
            to.setValue(item.validTo());
        }
        dialog.onSave(() -> {
            ServiceRateInput input = new ServiceRateInput(type.getValue() == null ? null : type.getValue().id(),
                    code.getValue(), name.getValue(), parse(value.getValue()), currency.getValue(), unit.getValue(),
                    from.getValue(), to.getValue());
            if (item == null) {
                tariff.createServiceRate(caller(), input);
            } else {
                tariff.updateServiceRate(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    /** The typed value as a number; text that is not one is named as such, like the REST API does. */
    static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException("value", "must be a number");
        }
    }

    @Override
    protected void delete(ServiceRate item) {
        tariff.deleteServiceRate(caller(), item.id());
    }

    @Override
    protected String describe(ServiceRate item) {
        return "service rate " + item.code();
    }
}
