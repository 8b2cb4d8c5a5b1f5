package org.meterline.rest.internal;

import java.util.List;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.meterline.core.api.ConflictException;
import org.meterline.core.api.FieldError;
import org.meterline.core.api.ForbiddenException;
import org.meterline.core.api.NotFoundException;
import org.meterline.core.api.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every exception into an {@code application/problem+json} answer a user can read. */
final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ValidationException v) {
            return problem(400, "Invalid input", v.getMessage(), v.errors());
        }
        if (e instanceof ConflictException c) {
            return problem(409, "Conflict", c.getMessage(), c.errors());
        }
        if (e instanceof NotFoundException) {
            return problem(404, "Not found", e.getMessage(), List.of());
        }
        if (e instanceof ForbiddenException) {
            return problem(403, "Forbidden", e.getMessage(), List.of());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : Integer.toString(r.getIndex())).collect(Collectors.joining("."));
            String message = "has the wrong format";
            if (mapping instanceof InvalidFormatException format) {
                Class<?> target = format.getTargetType();
                if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
                    message = "must be a number";
                } else if (target == LocalDate.class) {
                    message = "must be a date (yyyy-mm-dd)";
                } else if (target.isEnum()) {
                    message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "));
                }
            }
            return problem(400, "Invalid input", field + " " + message, List.of(new FieldError(field, message)));
        }
        if (e instanceof JsonProcessingException json) {
            return problem(400, "Invalid input", "The request body is not valid JSON for this resource: "
                    + json.getOriginalMessage(), List.of());
        }
        if (e instanceof WebApplicationException web) {
            Response r = web.getResponse();
            int status = r.getStatus();
            if (status == 401) {
                return Response.fromResponse(problem(401, "Unauthorized",
                        "Log in with a Meterline account (HTTP Basic authentication).", List.of()))
                        .header("WWW-Authenticate", "Basic realm=\"meterline\"").build();
            }
            if (e.getCause() instanceof JsonProcessingException json) {
                return toResponse(json);
            }
            String detail = status == 404 ? "No such resource." : e.getMessage();
            return problem(status, r.getStatusInfo().getReasonPhrase(), detail, List.of());
        }
        LOG.error("Unexpected error while serving a REST request", e);
        return problem(500, "Internal error", "The server failed to handle the request; the log has details.",
                List.of());
    }

    static Response problem(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors)).build();
    }
}
