package org.meterline.grid.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.jaxrs.model.ClassResourceInfo;
import org.apache.cxf.jaxrs.model.OperationResourceInfo;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.jaxrs.utils.ResourceUtils;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;
import org.meterline.core.api.Role;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.ProjectStatus;

/**
 * Which resource method CXF's JAX-RS matching picks for a request, with every resource of the
 * grid bundle registered together, as the REST server does.
 */
class ResourcePathsTest {

    private static final List<Class<?>> RESOURCES = List.of(SiteResource.class, ProjectResource.class,
            PowerGridResource.class);

    @ParameterizedTest
    @CsvSource({
        "GET, /power-grids/tree, PowerGridResource, tree",
        "GET, /power-grids/12, PowerGridResource, get",
        "GET, /power-grids, PowerGridResource, list",
        "POST, /power-grids, PowerGridResource, create",
        "PUT, /power-grids/12, PowerGridResource, update",
        "DELETE, /power-grids/12, PowerGridResource, delete",
        "GET, /projects/status-counts, ProjectResource, statusCounts",
        "GET, /projects/7, ProjectResource, get",
        "GET, /projects, ProjectResource, list",
        "DELETE, /projects/7, ProjectResource, delete",
        "GET, /sites/3, SiteResource, get",
        "GET, /sites, SiteResource, list",
    })
    void literalSubPathsAreNotTakenForIds(String method, String path, String resource, String javaMethod) {
        OperationResourceInfo target = select(method, path);
        assertNotNull(target, method + " " + path);
        assertEquals(resource, target.getClassResourceInfo().getServiceClass().getSimpleName());
        assertEquals(javaMethod, target.getAnnotatedMethod().getName());
    }

    @Test
    void idIsBoundFromThePath() {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        select("GET", "/power-grids/12", values);
        assertEquals("12", values.getFirst("id"));
    }

    @Test
    void subPathsAnswerForTheRequestsCaller() {
        Caller caller = new Caller("op", 1, 10, 10, EnumSet.of(Role.OPERATOR));
        Map<ProjectStatus, Long> counts = Map.of(ProjectStatus.PLANNED, 3L);
        List<PowerGrid> tree = List.of(new PowerGrid(1, null, "North", null, null, null, "North"));
        GridService grid = (GridService) Proxy.newProxyInstance(GridService.class.getClassLoader(),
                new Class<?>[] {GridService.class}, (proxy, m, args) -> {
                    assertEquals(caller, args[0]);
                    switch (m.getName()) {
                        case "countProjectsByStatus": return counts;
                        case "powerGridTree": return tree;
                        default: throw new UnsupportedOperationException(m.getName());
                    }
                });
        SecurityContext sc = (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class},
                (proxy, m, args) -> "getUserPrincipal".equals(m.getName()) ? new CallerPrincipal(caller) : null);
        assertEquals(counts, new ProjectResource(grid).statusCounts(sc));
        assertEquals(tree, new PowerGridResource(grid).tree(sc));
    }

    private static OperationResourceInfo select(String method, String path) {
        return select(method, path, new MultivaluedHashMap<>());
    }

    private static OperationResourceInfo select(String method, String path, MultivaluedMap<String, String> values) {
        List<ClassResourceInfo> classes = RESOURCES.stream()
                .map(c -> ResourceUtils.createClassResourceInfo(c, c, true, true)).toList();
        Message message = new MessageImpl();
        ExchangeImpl exchange = new ExchangeImpl();
        // an endpoint without properties: matching asks it for optional settings only
        exchange.put(Endpoint.class, (Endpoint) Proxy.newProxyInstance(Endpoint.class.getClassLoader(),
                new Class<?>[] {Endpoint.class}, (proxy, m, args) -> m.getReturnType() == boolean.class ? false : null));
        message.setExchange(exchange);
        message.put(Message.HTTP_REQUEST_METHOD, method);
        Map<ClassResourceInfo, MultivaluedMap<String, String>> matched = JAXRSUtils.selectResourceClass(classes, path,
                message);
        if (matched == null || matched.isEmpty()) {
            return null;
        }
        String contentType = "POST".equals(method) || "PUT".equals(method) ? MediaType.APPLICATION_JSON : "*/*";
        return JAXRSUtils.findTargetMethod(matched, message, method, values, contentType,
                List.of(MediaType.APPLICATION_JSON_TYPE));
    }
}
