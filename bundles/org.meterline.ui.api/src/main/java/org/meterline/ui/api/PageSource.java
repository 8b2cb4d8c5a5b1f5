package org.meterline.ui.api;

import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** Where a {@link CrudView} gets its rows: usually a service method reference. */
@FunctionalInterface
public interface PageSource<T> {

    Page<T> page(Caller caller, PageRequest request);
}
