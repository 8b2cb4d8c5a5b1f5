package org.meterline.core.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant with an external name, as REST, import files and the shell spell it
 * ("customer-admin", "in-operation"). {@link #find} is the one lookup all of them use.
 */
public interface ExternalName {

    /** The external name. */
    String id();

    /**
     * The constant whose external name or Java name matches the text, ignoring case, surrounding
     * blanks and '_' for '-'.
     */
    static <E extends Enum<E> & ExternalName> Optional<E> find(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.id().equals(wanted) || e.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
