package org.meterline.archive.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.TextField;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelInput;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.Protocol;
import org.meterline.archive.api.Wiring;
import org.meterline.core.api.Permission;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Archive → Meter Models. */
final class MeterModelView extends CrudView<MeterModel> {

    private static final long serialVersionUID = 1L;

    private final transient MeterModelService models;

    /** For a model, the id of the driver serving it now, or "" when none does. */
    interface DriverLookup extends java.util.function.Function<MeterModel, String>, java.io.Serializable {
    }

    MeterModelView(MeterModelService models) {
        this(models, m -> "");
    }

    MeterModelView(MeterModelService models, DriverLookup driver) {
        super("Meter Models", "meter-model", models::listMeterModels, Permission.write("archive"));
        this.models = models;
        column("manufacturer", "Manufacturer", MeterModel::manufacturer);
        column("model", "Model", MeterModel::model);
        column("protocol", "Protocol", m -> m.protocol().toString());
        column("phases", "Phases", MeterModel::phases);
        column("wiring", "Wiring", m -> m.wiring().toString());
        grid.addColumn(m -> {
            String id = driver.apply(m);
            return id.isEmpty() ? "no driver installed" : id;
        }).setCaption("Served by driver").setId("driver").setSortable(false);
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(MeterModel item) {
        form(item);
    }

    private void form(MeterModel item) {
        FormDialog dialog = new FormDialog(item == null ? "Add meter model" : "Edit meter model", "meter-model-form");
        TextField manufacturer = dialog.field("manufacturer", new TextField("Manufacturer"), true);
        TextField model = dialog.field("model", new TextField("Model"), true);
        ComboBox<Protocol> protocol = dialog.field("protocol", new ComboBox<>("Protocol"), true);
        protocol.setItems(Protocol.values());
        protocol.setItemCaptionGenerator(Enum::toString);
        protocol.setEmptySelectionAllowed(false);
        protocol.setValue(Protocol.DLMS_COSEM);
        ComboBox<Integer> phases = dialog.field("phases", new ComboBox<>("Phases"), true);
        phases.setItems(1, 3);
        phases.setEmptySelectionAllowed(false);
        phases.setValue(1);
        ComboBox<Wiring> wiring = dialog.field("wiring", new ComboBox<>("Wiring"), true);
        wiring.setItems(Wiring.values());
        wiring.setItemCaptionGenerator(Enum::toString);
        wiring.setEmptySelectionAllowed(false);
        wiring.setValue(Wiring.DIRECT);
        if (item != null) {
            manufacturer.setValue(item.manufacturer());
            model.setValue(item.model());
            protocol.setValue(item.protocol());
            phases.setValue(item.phases());
            wiring.setValue(item.wiring());
        }
        dialog.onSave(() -> {
            MeterModelInput input = new MeterModelInput(manufacturer.getValue(), model.getValue(),
                    protocol.getValue(), phases.getValue(), wiring.getValue());
            if (item == null) {
                models.createMeterModel(caller(), input);
            } else {
                models.updateMeterModel(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void delete(MeterModel item) {
        models.deleteMeterModel(caller(), item.id());
    }

    @Override
    protected String describe(MeterModel item) {
        return "meter model " + item.manufacturer() + " " + item.model();
    }
}
