package org.meterline.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.meterline.core.api.Caller;
import org.meterline.core.api.CallerPrincipal;

/**
 * HTTP Basic authentication against the {@code meterline} JAAS realm. A successful login is
 * remembered for a short while under a hash of the credentials (never the credentials
 * themselves), so a client's burst of requests costs one password hash. A system admin may act
 * for another customer with the {@value #CUSTOMER_HEADER} header.
 */
final class AuthenticationFilter implements ContainerRequestFilter {

    static final String CUSTOMER_HEADER = "X-Meterline-Customer";
    private static final int MAX_CACHED = 10_000;

    private final Function<String[], Optional<Caller>> login;
    private final long cacheMillis;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Caller caller, long until) {
    }

    AuthenticationFilter(Function<String[], Optional<Caller>> login, long cacheMillis) {
        this.login = login;
        this.cacheMillis = cacheMillis;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (isPublic(path)) {
            return;
        }
        Caller caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        String customer = request.getHeaderString(CUSTOMER_HEADER);
        if (customer != null && !customer.isBlank()) {
            try {
                caller = caller.actingFor(Long.parseLong(customer.trim()));
            } catch (NumberFormatException e) {
                throw new org.meterline.core.api.ValidationException(CUSTOMER_HEADER, "must be a customer id");
            }
        }
        request.setSecurityContext(new CallerSecurityContext(new CallerPrincipal(caller),
                request.getSecurityContext() != null && request.getSecurityContext().isSecure()));
    }

    static boolean isPublic(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("openapi.json") || p.equals("openapi.yaml") || p.startsWith("api-docs");
    }

    private Caller authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new javax.ws.rs.NotAuthorizedException("Basic realm=\"meterline\"");
        }
        String key = sha256(header);
        long now = System.currentTimeMillis();
        Cached hit = cache.get(key);
        if (hit != null && hit.until > now) {
            return hit.caller;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new javax.ws.rs.NotAuthorizedException("Basic realm=\"meterline\"");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new javax.ws.rs.NotAuthorizedException("Basic realm=\"meterline\"");
        }
        Caller caller = login.apply(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)})
                .orElseThrow(() -> new javax.ws.rs.NotAuthorizedException("Basic realm=\"meterline\""));
        if (cacheMillis > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(caller, now + cacheMillis));
        }
        return caller;
    }

    /** Forgets remembered logins, e.g. after an account changed. */
    void clear() {
        cache.clear();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record CallerSecurityContext(CallerPrincipal principal, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.caller().roles().stream().anyMatch(r -> r.id().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }

}
