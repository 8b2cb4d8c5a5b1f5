package org.meterline.ui.internal;

import com.vaadin.server.VaadinServlet;
import java.io.IOException;
import java.io.InputStream;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * Serves {@code vaadinBootstrap.js} in vaadin-shared's {@code com.vaadin} context. vaadin-shared
 * registers it as an exact-path whiteboard resource, which Pax Web 8 answers with 404; the
 * themes and widgetset (wildcard resources) are served fine.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/VAADIN/vaadinBootstrap.js",
    "osgi.http.whiteboard.servlet.name=meterline-vaadin-bootstrap",
    "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=com.vaadin)",
    "service.ranking:Integer=100"
})
public class BootstrapScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = VaadinServlet.class.getResourceAsStream("/VAADIN/vaadinBootstrap.js")) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("application/javascript");
            response.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
