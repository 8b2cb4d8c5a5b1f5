package org.meterline.archive.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.TextField;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleInput;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.ModuleStatus;
import org.meterline.archive.api.ModuleType;
import org.meterline.core.api.Permission;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Archive → Acquisition Module (manual §3.1). */
final class AcquisitionModuleView extends CrudView<AcquisitionModule> {

    private static final long serialVersionUID = 1L;

    private final transient AcquisitionModuleService modules;

    AcquisitionModuleView(AcquisitionModuleService modules) {
        super("Acquisition Module", "acquisition-module", modules::listModules, Permission.write("archive"));
        this.modules = modules;
        column("serialNumber", "Serial Number", AcquisitionModule::serialNumber);
        column("type", "Type", m -> m.type().toString());
        column("imei", "IMEI", m -> m.imei() == null ? "" : m.imei()).setSortable(false);
        column("iccid", "ICCID", m -> m.iccid() == null ? "" : m.iccid()).setSortable(false);
        column("address", "Address", m -> m.address() == null ? "" : m.address());
        column("status", "Status", m -> m.status().toString());
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(AcquisitionModule item) {
        form(item);
    }

    private void form(AcquisitionModule item) {
        FormDialog dialog = new FormDialog(item == null ? "Add acquisition module" : "Edit acquisition module",
                "acquisition-module-form");
        TextField serial = dialog.field("serialNumber", new TextField("Serial Number"), true);
        ComboBox<ModuleType> type = dialog.field("type", new ComboBox<>("Type"), true);
        type.setItems(ModuleType.values());
        type.setItemCaptionGenerator(Enum::toString);
        TextField imei = dialog.field("imei", new TextField("IMEI"), false);
        imei.setPlaceholder("15 digits");
        TextField iccid = dialog.field("iccid", new TextField("ICCID"), false);
        iccid.setPlaceholder("19 or 20 digits");
        TextField address = dialog.field("address", new TextField("Address"), false);
        address.setPlaceholder("host:port, e.g. 10.0.0.5:4059");
        ComboBox<ModuleStatus> status = dialog.field("status", new ComboBox<>("Status"), true);
        status.setItems(ModuleStatus.values());
        status.setItemCaptionGenerator(Enum::toString);
        status.setEmptySelectionAllowed(false);
        status.setValue(ModuleStatus.OFFLINE);
        if (item != null) {
            serial.setValue(item.serialNumber());
            type.setValue(item.type());
            imei.setValue(item.imei() == null ? "" : item.imei());
            iccid.setValue(item.iccid() == null ? "" : item.iccid());
            address.setValue(item.address() == null ? "" : item.address());
            status.setValue(item.status());
        }
        dialog.onSave(() -> {
            AcquisitionModuleInput input = new AcquisitionModuleInput(serial.getValue(), type.getValue(),
                    imei.getValue(), iccid.getValue(), address.getValue(), status.getValue());
            if (item == null) {
                modules.createModule(caller(), input);
            } else {
                modules.updateModule(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    @Override
    protected void delete(AcquisitionModule item) {
        modules.deleteModule(caller(), item.id());
    }

    @Override
    protected String describe(AcquisitionModule item) {
        return "acquisition module " + item.serialNumber();
    }
}
