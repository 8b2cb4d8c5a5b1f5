package org.meterline.archive.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.meterline.archive.api.AcquisitionModule;
import org.meterline.archive.api.AcquisitionModuleService;
import org.meterline.archive.api.CommSecurity;
import org.meterline.archive.api.Meter;
import org.meterline.archive.api.MeterCommunication;
import org.meterline.archive.api.MeterCommunicationInput;
import org.meterline.archive.api.MeterCommunicationService;
import org.meterline.archive.api.MeterInput;
import org.meterline.archive.api.MeterModel;
import org.meterline.archive.api.MeterModelService;
import org.meterline.archive.api.MeterService;
import org.meterline.archive.api.MeterStatus;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Archive → Meter (manual §3.2): base and certification information, lifecycle status. */
final class MeterView extends CrudView<Meter> {

    private static final long serialVersionUID = 1L;

    private final transient MeterService meters;
    private final transient MeterModelService models;
    private final transient AcquisitionModuleService modules;
    private final transient MeterCommunicationService communication;
    private final Button status = new Button("Change status", VaadinIcons.EXCHANGE);
    private final Button comm = new Button("Communication", VaadinIcons.CONNECT);

    MeterView(MeterService meters, MeterModelService models, AcquisitionModuleService modules,
            MeterCommunicationService communication) {
        this(meters, models, modules, communication, new AtomicReference<>());
    }

    private MeterView(MeterService meters, MeterModelService models, AcquisitionModuleService modules,
            MeterCommunicationService communication, AtomicReference<MeterStatus> statusFilter) {
        super("Meter", "meter", (caller, page) -> meters.listMeters(caller, page, statusFilter.get()),
                Permission.write("archive"));
        this.meters = meters;
        this.models = models;
        this.modules = modules;
        this.communication = communication;
        column("serialNumber", "Serial Number", Meter::serialNumber);
        column("model", "Model", Meter::modelName);
        grid.addColumn(m -> m.moduleSerial() == null ? "" : m.moduleSerial()).setCaption("Acquisition Module")
                .setId("module").setSortable(false);
        grid.addColumn(m -> m.ctRatio().toPlainString() + " / " + m.ptRatio().toPlainString()).setCaption("CT / PT")
                .setId("ratios").setSortable(false);
        column("status", "Status", m -> m.status().id());
        column("installedOn", "Installed On", m -> m.installedOn() == null ? "" : m.installedOn().toString());
        column("validUntil", "Certificate Valid Until", m -> m.validUntil() == null ? "" : m.validUntil().toString());

        ComboBox<MeterStatus> filter = new ComboBox<>();
        filter.setId("meter-status-filter");
        filter.setPlaceholder("Any status");
        filter.setItems(MeterStatus.values());
        filter.setItemCaptionGenerator(MeterStatus::id);
        filter.addValueChangeListener(e -> {
            statusFilter.set(e.getValue());
            refresh();
        });
        status.setId("meter-status");
        status.setEnabled(false);
        status.setVisible(caller().can(Permission.write("archive")));
        status.addClickListener(e -> selected().ifPresent(this::changeStatus));
        comm.setId("meter-communication");
        comm.setEnabled(false);
        comm.setDescription("How the platform reaches this meter: logical device, client, security and keys");
        comm.addClickListener(e -> selected().ifPresent(this::communication));
        addToToolbar(status, comm, filter);
    }


    @Override
    protected void selectionChanged(Meter selected) {
        status.setEnabled(selected != null);
        comm.setEnabled(selected != null);
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(Meter item) {
        form(item);
    }

    private void form(Meter item) {
        FormDialog dialog = new FormDialog(item == null ? "Add meter" : "Edit meter " + item.serialNumber(), "meter-form");
        TextField serial = dialog.field("serialNumber", new TextField("Serial Number (device address)"), true);
        ComboBox<MeterModel> model = dialog.field("modelId", new ComboBox<>("Meter Model"), true);
        List<MeterModel> allModels = models.listMeterModels(caller(),
                new PageRequest(0, PageRequest.MAX_LIMIT, "manufacturer", true, "")).items();
        model.setItems(allModels);
        model.setItemCaptionGenerator(m -> m.manufacturer() + " " + m.model());
        ComboBox<AcquisitionModule> module = dialog.field("moduleId", new ComboBox<>("Acquisition Module"), false);
        List<AcquisitionModule> allModules = modules.listModules(caller(),
                new PageRequest(0, PageRequest.MAX_LIMIT, "serialNumber", true, "")).items();
        module.setItems(allModules);
        module.setItemCaptionGenerator(AcquisitionModule::serialNumber);
        TextField ct = dialog.field("ctRatio", new TextField("CT Ratio"), false);
        TextField pt = dialog.field("ptRatio", new TextField("PT Ratio"), false);
        ct.setValue("1");
        pt.setValue("1");
        DateField installedOn = dialog.field("installedOn", new DateField("Installed On"), false);
        TextField note = dialog.field("installationNote", new TextField("Installation Note"), false);
        TextField certificate = dialog.field("certificateNumber", new TextField("Certificate Number"), false);
        DateField verifiedOn = dialog.field("verifiedOn", new DateField("Verification Date"), false);
        DateField validUntil = dialog.field("validUntil", new DateField("Valid Until"), false);
        for (DateField d : List.of(installedOn, verifiedOn, validUntil)) {
            d.setDateFormat("yyyy-MM-dd");
        }
        if (item != null) {
            serial.setValue(item.serialNumber());
            allModels.stream().filter(m -> m.id() == item.modelId()).findFirst().ifPresent(model::setValue);
            allModules.stream().filter(m -> item.moduleId() != null && m.id() == item.moduleId()).findFirst()
                    .ifPresent(module::setValue);
            ct.setValue(item.ctRatio().toPlainString());
            pt.setValue(item.ptRatio().toPlainString());
            installedOn.setValue(item.installedOn());
            note.setValue(item.installationNote() == null ? "" : item.installationNote());
            certificate.setValue(item.certificateNumber() == null ? "" : item.certificateNumber());
            verifiedOn.setValue(item.verifiedOn());
            validUntil.setValue(item.validUntil());
        }
        dialog.onSave(() -> {
            MeterInput input = new MeterInput(serial.getValue(), model.getValue() == null ? null : model.getValue().id(),
                    module.getValue() == null ? null : module.getValue().id(), number("ctRatio", ct.getValue()),
                    number("ptRatio", pt.getValue()), installedOn.getValue(), note.getValue(), certificate.getValue(),
                    verifiedOn.getValue(), validUntil.getValue());
            if (item == null) {
                meters.createMeter(caller(), input);
            } else {
                meters.updateMeter(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    private void changeStatus(Meter item) {
        FormDialog dialog = new FormDialog("Change status of " + item.serialNumber(), "meter-status-form");
        ComboBox<MeterStatus> to = dialog.field("status", new ComboBox<>("New status (now " + item.status() + ")"), true);
        to.setItems(item.status().next());
        to.setItemCaptionGenerator(MeterStatus::id);
        TextField reason = dialog.field("reason", new TextField("Reason"), false);
        dialog.onSave(() -> meters.changeStatus(caller(), item.id(), to.getValue(), reason.getValue()))
                .afterSave(this::refresh);
        dialog.open();
    }

    /** Communication settings; secrets are write-only: the fields stay empty and empty keeps what is stored. */
    private void communication(Meter item) {
        MeterCommunication now = communication.getCommunication(caller(), item.id());
        boolean canWrite = caller().can(Permission.write("archive"));
        FormDialog dialog = new FormDialog("Communication of " + item.serialNumber(), "meter-comm-form");
        TextField device = dialog.field("logicalDevice", new TextField("Logical Device (server address)"), true);
        TextField client = dialog.field("clientId", new TextField("Client"), true);
        ComboBox<CommSecurity> security = dialog.field("security", new ComboBox<>("Security"), true);
        security.setItems(CommSecurity.values());
        security.setItemCaptionGenerator(s -> switch (s) {
            case NONE -> "None";
            case LLS -> "LLS (password)";
            case HLS5_GMAC -> "HLS5-GMAC (keys)";
        });
        security.setEmptySelectionAllowed(false);
        PasswordField password = dialog.field("password", new PasswordField("Password"), false);
        PasswordField auth = dialog.field("authenticationKey", new PasswordField("Authentication Key (32 hex digits)"),
                false);
        PasswordField enc = dialog.field("encryptionKey", new PasswordField("Encryption Key (32 hex digits)"), false);
        PasswordField master = dialog.field("masterKey", new PasswordField("Master Key (optional)"), false);
        password.setPlaceholder(now.passwordSet() ? "stored — leave empty to keep" : "");
        for (PasswordField key : List.of(auth, enc, master)) {
            key.setPlaceholder(now.keysSet() ? "stored — leave empty to keep" : "");
        }
        device.setValue(Integer.toString(now.logicalDevice()));
        client.setValue(Integer.toString(now.clientId()));
        security.setValue(now.security());
        Runnable showSecrets = () -> {
            CommSecurity s = security.getValue();
            password.setVisible(s == CommSecurity.LLS);
            for (PasswordField key : List.of(auth, enc, master)) {
                key.setVisible(s == CommSecurity.HLS5_GMAC);
            }
        };
        security.addValueChangeListener(e -> {
            showSecrets.run();
            // the client follows the security level while it is still the previous level's usual one
            if (e.getOldValue() != null && e.getValue() != null
                    && client.getValue().trim().equals(Integer.toString(usualClient(e.getOldValue())))) {
                client.setValue(Integer.toString(usualClient(e.getValue())));
            }
        });
        showSecrets.run();
        if (!canWrite) {
            for (com.vaadin.data.HasValue<?> f : List.of(device, client, security, password, auth, enc, master)) {
                f.setReadOnly(true);
            }
        }
        dialog.onSave(() -> communication.setCommunication(caller(), item.id(), new MeterCommunicationInput(
                integer("logicalDevice", device.getValue()), integer("clientId", client.getValue()),
                security.getValue() == null ? null : security.getValue().id(), password.getValue(), auth.getValue(),
                enc.getValue(), master.getValue())));
        dialog.open();
    }

    /** The client a security level usually uses (DLMS: public 16, reading 17, management 1). */
    static int usualClient(CommSecurity security) {
        return switch (security) {
            case NONE -> 16;
            case LLS -> 17;
            case HLS5_GMAC -> 1;
        };
    }

    static Integer integer(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a whole number");
        }
    }

    static BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a number");
        }
    }

    @Override
    protected void delete(Meter item) {
        meters.deleteMeter(caller(), item.id());
    }

    @Override
    protected String describe(Meter item) {
        return "meter " + item.serialNumber();
    }
}
