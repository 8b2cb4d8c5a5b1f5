package org.meterline.grid.internal.shell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** Small helpers of the list commands. */
final class Pages {

    private Pages() {
    }

    /** Every row of a list, fetched a page of {@link PageRequest#MAX_LIMIT} at a time. */
    static <T> List<T> all(Function<PageRequest, Page<T>> list, String sort, String filter) {
        List<T> all = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            Page<T> page = list.apply(new PageRequest(offset, PageRequest.MAX_LIMIT, sort, true, filter));
            all.addAll(page.items());
            if (page.items().isEmpty() || offset + PageRequest.MAX_LIMIT >= page.total()) {
                return all;
            }
        }
    }

    /** A cell: empty for null; numbers without exponent. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
