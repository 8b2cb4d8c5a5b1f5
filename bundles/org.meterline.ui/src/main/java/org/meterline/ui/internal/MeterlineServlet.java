package org.meterline.ui.internal;

import com.vaadin.server.SessionInitEvent;
import com.vaadin.server.UIClassSelectionEvent;
import com.vaadin.server.UICreateEvent;
import com.vaadin.server.UIProvider;
import com.vaadin.server.VaadinServlet;
import com.vaadin.ui.UI;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import org.meterline.tenant.api.CustomerService;
import org.meterline.ui.api.UiContext;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The web UI at {@code /meterline}: a Vaadin servlet registered on the HTTP whiteboard. It tracks
 * the {@link ViewContribution} services, so a capability's menu entries come and go with its
 * bundle. Vaadin's static files are served by vaadin-shared under {@code /vaadin-8.14.3}. The map
 * tiles of every location picker are configured under the PID {@code org.meterline.ui}.
 */
@Designate(ocd = MeterlineServlet.Config.class)
@Component(configurationPid = "org.meterline.ui", service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/meterline/*",
    "osgi.http.whiteboard.servlet.name=meterline-ui",
    "osgi.http.whiteboard.servlet.asyncSupported=true",
    "servlet.init.productionMode=true",
    "servlet.init.Resources=/vaadin-8.14.3",
    "servlet.init.heartbeatInterval=60",
    "servlet.init.closeIdleSessions=true"
})
public class MeterlineServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Meterline web UI", description = "The web UI at /meterline")
    @interface Config {
        @AttributeDefinition(name = "Map tile URL", description = "Tile URL template of the location pickers'"
                + " map ({z}, {x}, {y}; {s} for subdomains). Without reachable tiles the map is grey and the"
                + " latitude/longitude fields still work.")
        String tileUrl() default UiContext.DEFAULT_TILE_URL;

        @AttributeDefinition(name = "Map tile attribution", description = "The credit the tile provider requires")
        String tileAttribution() default UiContext.DEFAULT_TILE_ATTRIBUTION;
    }

    private final transient ViewRegistry views = new ViewRegistry();
    private transient volatile CustomerService customers;
    private transient volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(ViewContribution view) {
        views.add(view);
    }

    void removeView(ViewContribution view) {
        views.remove(view);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCustomers(CustomerService service) {
        customers = service;
    }

    void unsetCustomers(CustomerService service) {
        if (customers == service) {
            customers = null;
        }
    }

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        getService().addSessionInitListener(this::sessionInit);
    }

    private void sessionInit(SessionInitEvent event) {
        event.getSession().addUIProvider(new UIProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public Class<? extends UI> getUIClass(UIClassSelectionEvent e) {
                return MeterlineUI.class;
            }

            @Override
            public UI createInstance(UICreateEvent e) {
                Config c = config;
                return new MeterlineUI(views, () -> customers, c.tileUrl(), c.tileAttribution());
            }
        });
    }
}
