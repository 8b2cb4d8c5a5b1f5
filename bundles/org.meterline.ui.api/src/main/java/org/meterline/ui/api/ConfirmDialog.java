package org.meterline.ui.api;

import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** Asks the user to confirm something that cannot be undone. */
public final class ConfirmDialog extends Window {

    private ConfirmDialog(String caption, String message, String confirmCaption, Runnable onConfirm) {
        super(caption);
        setId("confirm-dialog");
        setModal(true);
        setResizable(false);
        setWidth("420px");
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("confirm-cancel");
        Button confirm = new Button(confirmCaption, e -> {
            close();
            onConfirm.run();
        });
        confirm.setId("confirm-ok");
        confirm.addStyleName(ValoTheme.BUTTON_DANGER);
        HorizontalLayout buttons = new HorizontalLayout(cancel, confirm);
        Label text = new Label(message);
        text.setWidth("100%");
        VerticalLayout content = new VerticalLayout(text, buttons);
        content.setComponentAlignment(buttons, com.vaadin.ui.Alignment.BOTTOM_RIGHT);
        setContent(content);
    }

    public static void ask(String caption, String message, String confirmCaption, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(caption, message, confirmCaption, onConfirm);
        UI.getCurrent().addWindow(dialog);
        dialog.center();
    }
}
