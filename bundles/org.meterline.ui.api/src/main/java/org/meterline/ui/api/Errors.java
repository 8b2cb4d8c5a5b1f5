package org.meterline.ui.api;

import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Notification;
import java.util.List;
import java.util.Map;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.ValidationException;

/** Shows service errors to the user: on the fields they name, else as a notification. */
public final class Errors {

    private Errors() {
    }

    /**
     * Puts each field error on the field registered under its name; errors without a field, or
     * with an unknown one, go into one notification.
     */
    public static void show(MeterlineException e, Map<String, ? extends AbstractComponent> fields) {
        List<FieldError> errors = e instanceof ValidationException v ? v.errors()
                : e instanceof ConflictException c ? c.errors() : List.of();
        StringBuilder rest = new StringBuilder();
        for (FieldError error : errors) {
            AbstractComponent field = fields.get(error.field());
            if (field != null) {
                field.setComponentError(new UserError(capitalize(error.message())));
            } else {
                rest.append(error.field()).append(' ').append(error.message()).append('\n');
            }
        }
        if (errors.isEmpty()) {
            rest.append(e.getMessage());
        }
        if (rest.length() > 0) {
            Notification.show(rest.toString().trim(), Notification.Type.ERROR_MESSAGE);
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
