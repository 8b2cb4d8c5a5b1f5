package org.meterline.ui.internal;

import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;
import java.util.List;
import java.util.function.Consumer;
import org.meterline.tenant.api.Customer;

/** Manual §11 ④-⑤: a system admin picks the customer to act for and confirms. */
final class SwitchCustomerWindow extends Window {

    private static final long serialVersionUID = 1L;

    SwitchCustomerWindow(List<Customer> customers, long current, Consumer<Customer> onConfirm) {
        super("Switch customer");
        setId("switch-window");
        setModal(true);
        setResizable(false);
        setWidth("420px");
        ComboBox<Customer> box = new ComboBox<>("Customer");
        box.setId("switch-customer");
        box.setWidth("100%");
        box.setItems(customers);
        box.setItemCaptionGenerator(c -> c.name() + " (" + c.code() + ")");
        box.setEmptySelectionAllowed(false);
        customers.stream().filter(c -> c.id() == current).findFirst().ifPresent(box::setValue);
        Button confirm = new Button("Confirm", e -> {
            if (box.getValue() != null) {
                close();
                onConfirm.accept(box.getValue());
            }
        });
        confirm.setId("switch-confirm");
        confirm.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        HorizontalLayout buttons = new HorizontalLayout(cancel, confirm);
        VerticalLayout content = new VerticalLayout(box, buttons);
        content.setComponentAlignment(buttons, com.vaadin.ui.Alignment.BOTTOM_RIGHT);
        setContent(content);
    }
}
