package org.meterline.tenant.api;

import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** Customer management (manual §11); creating and listing customers is for system admins. */
public interface CustomerService {

    /** Every customer (system admin), or just the caller's own. Sort fields: code, name, createdAt. */
    Page<Customer> listCustomers(Caller caller, PageRequest page);

    /** The customer, if the caller may see it (its own, or any for a system admin). */
    Customer getCustomer(Caller caller, long id);

    /** Creates a customer and its first account (role customer-admin). */
    Customer createCustomer(Caller caller, NewCustomer customer);
}
