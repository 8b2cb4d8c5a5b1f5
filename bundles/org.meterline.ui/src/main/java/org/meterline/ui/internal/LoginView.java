package org.meterline.ui.internal;

import com.vaadin.event.ShortcutAction;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.util.Optional;
import java.util.function.Consumer;
import org.meterline.core.api.Caller;
import org.meterline.core.api.JaasLogin;

/** The login screen; credentials are checked by the {@code meterline} JAAS realm. */
final class LoginView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    LoginView(Consumer<Caller> onLogin) {
        setSizeFull();
        addStyleName("ml-login");
        Label brand = new Label("Meterline");
        brand.addStyleName(ValoTheme.LABEL_H1);
        brand.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        Label tagline = new Label("Smart metering: head-end, meter data and billing");
        tagline.addStyleName(ValoTheme.LABEL_LIGHT);
        tagline.setWidth("100%");
        TextField username = new TextField("Username");
        username.setId("login-username");
        username.setWidth("100%");
        PasswordField password = new PasswordField("Password");
        password.setId("login-password");
        password.setWidth("100%");
        Label error = new Label();
        error.setId("login-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);
        Button login = new Button("Log in");
        login.setId("login-button");
        login.addStyleName(ValoTheme.BUTTON_PRIMARY);
        login.setWidth("100%");
        login.setClickShortcut(ShortcutAction.KeyCode.ENTER);
        login.addClickListener(e -> {
            Optional<Caller> caller = JaasLogin.login(JaasLogin.REALM, username.getValue(),
                    password.getValue().toCharArray());
            password.clear();
            if (caller.isPresent()) {
                onLogin.accept(caller.get());
            } else {
                error.setValue("Wrong username or password.");
                error.setVisible(true);
                password.focus();
            }
        });
        VerticalLayout form = new VerticalLayout(brand, tagline, username, password, error, login);
        form.setWidth("100%");
        Panel panel = new Panel(form);
        panel.setWidth("360px");
        addComponent(panel);
        setComponentAlignment(panel, Alignment.MIDDLE_CENTER);
        username.focus();
    }
}
