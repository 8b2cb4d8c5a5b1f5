package org.meterline.tenant.internal;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.meterline.core.api.JaasLogin;
import org.meterline.tenant.api.AccountService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes the {@code meterline} JAAS realm to Karaf. The UI, REST and the ssh shell log in
 * through it (see etc/org.apache.karaf.shell.cfg, sshRealm).
 */
@Component(service = JaasRealm.class)
public class MeterlineRealm implements JaasRealm {

    private final AppConfigurationEntry[] entries;

    @Activate
    public MeterlineRealm(@Reference AccountService accounts, BundleContext context) {
        Map<String, Object> options = Map.of(
                ProxyLoginModule.PROPERTY_MODULE, MeterlineLoginModule.class.getName(),
                ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()),
                BundleContext.class.getName(), context,
                MeterlineLoginModule.ACCOUNTS_OPTION, accounts);
        entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return JaasLogin.REALM;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
