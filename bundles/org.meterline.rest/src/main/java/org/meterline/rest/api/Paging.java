package org.meterline.rest.api;

import org.meterline.core.api.PageRequest;

/** Builds a {@link PageRequest} from the list query parameters every collection resource takes. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;

    private Paging() {
    }

    /**
     * @param offset first row, default 0
     * @param limit rows per page, default {@value #DEFAULT_LIMIT}
     * @param sort field to sort by; a leading {@code -} sorts descending
     * @param q free-text filter
     */
    public static PageRequest of(Integer offset, Integer limit, String sort, String q) {
        boolean ascending = true;
        String field = sort == null || sort.isBlank() ? null : sort.trim();
        if (field != null && field.startsWith("-")) {
            ascending = false;
            field = field.substring(1);
        }
        return new PageRequest(offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit, field, ascending, q);
    }
}
