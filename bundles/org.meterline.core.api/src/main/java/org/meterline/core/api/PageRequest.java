package org.meterline.core.api;

/**
 * One page of a list: rows {@code offset .. offset+limit}, sorted by a field the list names,
 * narrowed by a free-text filter (empty for none).
 */
public record PageRequest(int offset, int limit, String sortField, boolean ascending, String filter) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new ValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        filter = filter == null ? "" : filter.trim();
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true, "");
    }
}
