package org.meterline.ui.api;

import com.vaadin.event.ShortcutAction;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.data.HasValue;
import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Notification;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meterline.core.api.MeterlineException;

/**
 * A modal form: fields registered under the names the service uses for them, a Save button
 * that runs the save action, and the service's field errors shown on the fields they name.
 * Validation lives in the service, so REST, shell and UI reject the same input the same way.
 */
public class FormDialog extends Window {

    /** The save action; throws the service's exceptions. */
    @FunctionalInterface
    public interface SaveAction {
        void save();
    }

    private final FormLayout form = new FormLayout();
    private final Map<String, AbstractComponent> fields = new LinkedHashMap<>();
    private final Button save = new Button("Save");
    private SaveAction action = () -> { };
    private Runnable afterSave = () -> { };

    public FormDialog(String caption, String id) {
        super(caption);
        setId(id);
        setModal(true);
        setResizable(false);
        setWidth("520px");
        form.setMargin(true);
        form.setWidth("100%");
        save.setId(id + "-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        save.setClickShortcut(ShortcutAction.KeyCode.ENTER);
        save.addClickListener(e -> trySave());
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId(id + "-cancel");
        HorizontalLayout buttons = new HorizontalLayout(cancel, save);
        VerticalLayout content = new VerticalLayout(form, buttons);
        content.setComponentAlignment(buttons, com.vaadin.ui.Alignment.BOTTOM_RIGHT);
        setContent(content);
    }

    /**
     * Adds a field (any Vaadin input) known to the service as {@code name}; its id becomes
     * {@code <dialog id>-<name>}.
     */
    public <F extends HasValue<?>> F field(String name, F field, boolean required) {
        AbstractComponent component = (AbstractComponent) field;
        component.setId(getId() + "-" + name);
        component.setWidth("100%");
        field.setRequiredIndicatorVisible(required);
        field.addValueChangeListener(e -> component.setComponentError(null));
        form.addComponent(component);
        fields.put(name, component);
        return field;
    }

    /** Adds a component that is not an input (a hint, a section title). */
    public void addInfo(com.vaadin.ui.Component component) {
        form.addComponent(component);
    }

    public FormDialog onSave(SaveAction action) {
        this.action = action;
        return this;
    }

    public FormDialog afterSave(Runnable afterSave) {
        this.afterSave = afterSave;
        return this;
    }

    public void open() {
        UI.getCurrent().addWindow(this);
        center();
        fields.values().stream().filter(f -> f instanceof com.vaadin.ui.Component.Focusable).findFirst()
                .ifPresent(f -> ((com.vaadin.ui.Component.Focusable) f).focus());
    }

    void trySave() {
        fields.values().forEach(f -> f.setComponentError(null));
        try {
            action.save();
        } catch (MeterlineException e) {
            Errors.show(e, fields);
            return;
        }
        close();
        Notification.show("Saved", Notification.Type.TRAY_NOTIFICATION);
        afterSave.run();
    }
}
