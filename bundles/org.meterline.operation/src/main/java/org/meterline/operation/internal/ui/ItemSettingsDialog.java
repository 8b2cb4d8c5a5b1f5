package org.meterline.operation.internal.ui;

import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;
import java.util.List;
import java.util.stream.Collectors;
import org.meterline.archive.api.Meter;
import org.meterline.core.api.MeterlineException;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.ReadingItem;
import org.meterline.operation.api.ReadingItemSettings;
import org.meterline.operation.internal.Obis;

/**
 * "Meter Reading Item Settings" (manual §8.2 ④): tick the items of the model's catalogue that are
 * offered by default for its meters, and save them for the customer.
 */
final class ItemSettingsDialog extends Window {

    private static final long serialVersionUID = 1L;

    private final transient MeterOperations operations;
    private final long modelId;
    private final Runnable afterSave;
    private final CheckBoxGroup<ReadingItem> items = new CheckBoxGroup<>();

    ItemSettingsDialog(MeterOperations operations, Meter meter, Runnable afterSave) {
        super("Meter Reading Item Settings — " + meter.modelName());
        this.operations = operations;
        this.modelId = meter.modelId();
        this.afterSave = afterSave;
        setId("operation-settings-dialog");
        setModal(true);
        setWidth("560px");
        setHeight("80%");
        ReadingItemSettings now = operations.itemSettings(MeterOperationView.caller(), modelId);
        Label hint = new Label(now.saved() ? "Saved for meters of model " + now.modelName() + "."
                : "Nothing saved yet: the defaults are ticked (the first energy register and the connection status).");
        hint.setWidth("100%");
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        items.setId("operation-settings-items");
        items.setItems(now.available());
        items.setItemCaptionGenerator(i -> i.name() + "  (" + Obis.dotted(i.item()) + ")");
        items.setValue(now.available().stream().filter(a -> now.items().contains(a)).collect(Collectors.toSet()));
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("operation-settings-cancel");
        Button defaults = new Button("Defaults", e -> save(List.of()));
        defaults.setId("operation-settings-defaults");
        defaults.setDescription("Forget the saved items and offer the defaults");
        Button save = new Button("Save", e -> save(now.available().stream().filter(items.getValue()::contains)
                .map(ReadingItem::item).collect(Collectors.toList())));
        save.setId("operation-settings-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(defaults, cancel, save);
        VerticalLayout content = new VerticalLayout(hint, items, buttons);
        content.setComponentAlignment(buttons, Alignment.BOTTOM_RIGHT);
        content.setExpandRatio(items, 1);
        content.setSizeFull();
        items.setSizeFull();
        setContent(content);
    }

    private void save(List<org.meterline.core.api.ObisCode> codes) {
        try {
            operations.saveItemSettings(MeterOperationView.caller(), modelId, codes);
        } catch (MeterlineException e) {
            Notification.show(e.getMessage(), Notification.Type.ERROR_MESSAGE);
            return;
        }
        close();
        Notification.show("Saved", Notification.Type.TRAY_NOTIFICATION);
        afterSave.run();
    }

    void open() {
        UI.getCurrent().addWindow(this);
        center();
    }
}
