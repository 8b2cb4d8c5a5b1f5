package org.meterline.tenant.api;

import java.util.Optional;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Page;
import org.meterline.core.api.PageRequest;

/** User accounts (manual §11 ⑥-⑦) and the password check behind the {@code meterline} JAAS realm. */
public interface AccountService {

    /**
     * The accounts of the caller's current customer. Sort fields: username, fullName, role,
     * createdAt.
     */
    Page<Account> listAccounts(Caller caller, PageRequest page);

    Account getAccount(Caller caller, long id);

    Account createAccount(Caller caller, NewAccount account);

    Account updateAccount(Caller caller, long id, AccountUpdate update);

    /**
     * Checks a password. Returns the account's caller (acting for its own customer) when the
     * account exists, is enabled and the password matches; empty otherwise.
     */
    Optional<Caller> authenticate(String username, char[] password);
}
