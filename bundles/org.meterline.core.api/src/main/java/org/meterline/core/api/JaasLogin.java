package org.meterline.core.api;

import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * Logs a user in through a JAAS realm (Meterline's is {@value #REALM}) and returns the caller
 * that the realm put into the subject. REST and the UI both authenticate this way, so the
 * Karaf shell, REST and the web UI share one account store and one set of rules.
 */
public final class JaasLogin {

    /** The name of Meterline's JAAS realm. */
    public static final String REALM = "meterline";

    private JaasLogin() {
    }

    /** The caller for these credentials, or empty when the realm refuses them. */
    public static Optional<Caller> login(String realm, String username, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads the login module class through the context class loader; Karaf's
        // JAAS proxy module lives on the launcher's class path.
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(username);
                    } else if (callback instanceof PasswordCallback pw) {
                        pw.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            return CallerPrincipal.of(subject);
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
