package org.meterline.operation.internal.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;
import org.meterline.archive.api.Meter;
import org.meterline.core.api.MeterlineException;
import org.meterline.operation.api.MeterOperations;
import org.meterline.operation.api.OperationOutcome;
import org.meterline.operation.api.RelayAction;
import org.meterline.operation.api.RelayOutcome;
import org.meterline.ui.api.ConfirmDialog;

/** "Operating" (manual §8.1): main relay disconnect / connect, each confirmed first; shows the state read back. */
final class RelayDialog extends Window {

    private static final long serialVersionUID = 1L;

    private final MeterOperationView view;
    private final transient MeterOperations operations;
    private final Meter meter;
    private final Label state = new Label("Relay state: reading…");
    private final Label result = new Label();
    private final Button disconnect = new Button("Main relay disconnect", VaadinIcons.POWER_OFF);
    private final Button connect = new Button("Main relay connect", VaadinIcons.PLUG);

    RelayDialog(MeterOperationView view, MeterOperations operations, Meter meter) {
        super("Operating — meter " + meter.serialNumber());
        this.view = view;
        this.operations = operations;
        this.meter = meter;
        setId("operation-relay-dialog");
        setModal(true);
        setResizable(false);
        setWidth("520px");
        state.setId("operation-relay-state");
        state.addStyleName(ValoTheme.LABEL_BOLD);
        result.setId("operation-relay-result");
        result.setWidth("100%");
        disconnect.setId("operation-relay-disconnect");
        disconnect.addStyleName(ValoTheme.BUTTON_DANGER);
        disconnect.addClickListener(e -> ConfirmDialog.ask("Main relay disconnect", "Disconnect the main relay of meter "
                + meter.serialNumber() + "? The consumer's supply is cut off until the relay is connected again.",
                "Disconnect", () -> run(RelayAction.DISCONNECT)));
        connect.setId("operation-relay-connect");
        connect.addStyleName(ValoTheme.BUTTON_PRIMARY);
        connect.addClickListener(e -> ConfirmDialog.ask("Main relay connect", "Connect the main relay of meter "
                + meter.serialNumber() + "? The consumer's supply comes back at once.", "Connect",
                () -> run(RelayAction.CONNECT)));
        Button close = new Button("Close", e -> close());
        close.setId("operation-relay-close");
        HorizontalLayout buttons = new HorizontalLayout(disconnect, connect);
        VerticalLayout content = new VerticalLayout(state, buttons, result, close);
        content.setComponentAlignment(close, Alignment.BOTTOM_RIGHT);
        setContent(content);
    }

    void open() {
        UI.getCurrent().addWindow(this);
        center();
        run(RelayAction.STATUS);
    }

    private void run(RelayAction action) {
        disconnect.setEnabled(false);
        connect.setEnabled(false);
        if (action != RelayAction.STATUS) {
            result.setValue((action == RelayAction.CONNECT ? "Connecting" : "Disconnecting") + " the main relay…");
        }
        try {
            view.start(operations.relayAsync(MeterOperationView.caller(), meter.id(), action), this::show);
        } catch (MeterlineException e) {
            result.setValue(e.getMessage());
            disconnect.setEnabled(true);
            connect.setEnabled(true);
        }
    }

    private void show(RelayOutcome r) {
        disconnect.setEnabled(true);
        connect.setEnabled(true);
        String took = " (" + MeterOperationView.duration(r.durationMillis()) + ")";
        if (r.outcome() == OperationOutcome.SUCCESS) {
            state.setValue("Relay state: " + r.state().replace('_', ' '));
            if (r.action() != RelayAction.STATUS) {
                result.setValue((r.action() == RelayAction.CONNECT ? "Main relay connect" : "Main relay disconnect")
                        + " done" + took + ".");
            }
        } else {
            if (r.action() == RelayAction.STATUS) {
                state.setValue("Relay state: unknown");
            }
            result.setValue((r.action() == RelayAction.STATUS ? "Reading the relay state"
                    : r.action() == RelayAction.CONNECT ? "Main relay connect" : "Main relay disconnect")
                    + " failed: " + r.errorKind() + " — " + r.error() + took);
        }
    }
}
