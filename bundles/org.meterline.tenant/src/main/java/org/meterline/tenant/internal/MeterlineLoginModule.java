package org.meterline.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import java.security.Principal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.Role;
import org.meterline.tenant.api.AccountService;

/**
 * The login module of the {@code meterline} realm: checks the password with the
 * {@link AccountService} handed in through the module options, and on success adds a
 * {@link CallerPrincipal}, a Karaf user principal and role principals. A system admin also
 * gets Karaf's admin roles; every account gets {@code ssh} so it can use the shell, where the
 * {@code meterline:} commands apply its Meterline role.
 */
public class MeterlineLoginModule implements LoginModule {

    static final String ACCOUNTS_OPTION = AccountService.class.getName();

    private Subject subject;
    private CallbackHandler handler;
    private AccountService accounts;
    private Caller caller;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.accounts = (AccountService) options.get(ACCOUNTS_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (accounts == null) {
            throw new LoginException("The Meterline account service is not available");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        try {
            Optional<Caller> result = accounts.authenticate(name.getName(), secret == null ? new char[0] : secret);
            caller = result.orElseThrow(() -> new FailedLoginException("Wrong username or password"));
            return true;
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        added.add(new CallerPrincipal(caller));
        added.add(new UserPrincipal(caller.username()));
        for (Role role : caller.roles()) {
            added.add(new RolePrincipal(role.id()));
            if (role == Role.SYSTEM_ADMIN) {
                for (String karafRole : List.of("admin", "manager", "viewer", "systembundles")) {
                    added.add(new RolePrincipal(karafRole));
                }
            }
        }
        added.add(new RolePrincipal("ssh"));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        caller = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        caller = null;
        return true;
    }
}
