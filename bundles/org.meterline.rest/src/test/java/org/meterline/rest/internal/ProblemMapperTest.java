package org.meterline.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ValidationException;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    record Input(BigDecimal value) {
    }

    private Problem problem(Response r) {
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        return (Problem) r.getEntity();
    }

    @Test
    void serviceErrorsMapToStatusAndFields() {
        Problem bad = problem(mapper.toResponse(new ValidationException("value", "must be zero or more")));
        assertEquals(400, bad.status());
        assertEquals(List.of(new FieldError("value", "must be zero or more")), bad.errors());
        Problem dup = problem(mapper.toResponse(new ConflictException("code", "A service type with code X already exists.")));
        assertEquals(409, dup.status());
        assertEquals("code", dup.errors().get(0).field());
        assertEquals(404, problem(mapper.toResponse(NotFoundException.of("Service rate", 3))).status());
        assertEquals(403, problem(mapper.toResponse(new ForbiddenException("no"))).status());
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        Exception parse = null;
        try {
            new ObjectMapper().readValue("{\"value\":\"abc\"}", Input.class);
        } catch (Exception e) {
            parse = e;
        }
        Problem p = problem(mapper.toResponse(parse));
        assertEquals(400, p.status());
        assertEquals(List.of(new FieldError("value", "must be a number")), p.errors());
    }

    @Test
    void unauthorizedCarriesTheChallengeAndUnexpectedErrorsHideDetails() {
        Response r = mapper.toResponse(new NotAuthorizedException("Basic realm=\"meterline\""));
        assertEquals(401, r.getStatus());
        assertEquals("Basic realm=\"meterline\"", r.getHeaderString("WWW-Authenticate"));
        Problem internal = problem(mapper.toResponse(new IllegalStateException("secret detail")));
        assertEquals(500, internal.status());
        assertTrue(!internal.detail().contains("secret"));
    }

    @Test
    void onlyTheApiDocumentIsPublic() {
        assertTrue(AuthenticationFilter.isPublic("/openapi.json"));
        assertTrue(AuthenticationFilter.isPublic("api-docs/index.html"));
        assertTrue(!AuthenticationFilter.isPublic("/service-rates"));
        assertTrue(!AuthenticationFilter.isPublic("/openapi.json/../users"));
    }
}
