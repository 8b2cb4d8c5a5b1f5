package org.meterline.ui.internal;

import com.vaadin.navigator.View;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import org.meterline.core.api.Caller;

/** Shown when no view is chosen, or the chosen one is not installed or not allowed. */
final class HomeView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;

    HomeView(Caller caller, String customerName, String missing) {
        setId("home");
        Label title = new Label("Welcome, " + caller.username());
        title.addStyleName(ValoTheme.LABEL_H2);
        addComponent(title);
        if (missing != null) {
            Label note = new Label("The page '" + missing + "' is not installed or not open to your role.");
            note.setId("home-missing");
            note.addStyleName(ValoTheme.LABEL_FAILURE);
            addComponent(note);
        }
        addComponent(new Label("You are working for " + customerName + ". Pick a page from the menu on the left."));
    }
}
