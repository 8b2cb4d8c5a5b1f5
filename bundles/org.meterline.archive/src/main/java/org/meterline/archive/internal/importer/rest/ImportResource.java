package org.meterline.archive.internal.importer.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.meterline.archive.api.ArchiveImportService;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.api.ImportReport;
import org.meterline.archive.internal.importer.ImportTemplates;
import org.meterline.core.api.Caller;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.rest.api.RestCaller;
import org.meterline.rest.api.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bulk import (manual §3): the file is the raw request body, no multipart. A file with an invalid
 * row imports nothing and is answered 400 with the {@link ImportReport} itself (not
 * problem+json), which names each bad row and field.
 */
@Component(service = RestResource.class)
@Path("/imports")
@Tag(name = "Bulk import", description = "manual §3; acquisition modules and meters from CSV or xlsx, all or nothing")
public class ImportResource implements RestResource {

    static final String CSV = ImportTemplates.CSV_TYPE;
    static final String XLSX = ImportTemplates.XLSX_TYPE;

    private final ArchiveImportService imports;

    @Activate
    public ImportResource(@Reference ArchiveImportService imports) {
        this.imports = imports;
    }

    @POST
    @Path("{kind}")
    @Consumes({CSV, XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import acquisition modules or meters from a CSV or xlsx file",
            description = "kind: modules or meters. The body is the file (Content-Type text/csv or " + XLSX + "); "
                    + "filename names it (its extension .csv or .xlsx wins over the Content-Type). 200 with the report "
                    + "when every row was imported; 400 with the report (errors by row, 1 = first row below the "
                    + "header, 0 = the header or the file) when anything is wrong: then nothing was imported.")
    public Response importFile(@Context SecurityContext sc, @PathParam("kind") String kind,
            @QueryParam("filename") String filename, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        Caller caller = RestCaller.of(sc);
        ImportReport report = imports.importFile(caller, kind(kind), fileName(filename, contentType), body,
                ImportProgress.NONE);
        return Response.status(report.imported() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON).entity(report).build();
    }

    @GET
    @Path("{kind}/template")
    @Produces({CSV, XLSX})
    @Operation(summary = "Download a template: the header row and one example row",
            description = "kind: modules or meters; format: csv (default) or xlsx")
    public Response template(@Context SecurityContext sc, @PathParam("kind") String kind,
            @QueryParam("format") String format) {
        RestCaller.of(sc).require(Permission.read("archive"));
        ImportKind k = kind(kind);
        ImportFormat f = format(format);
        return Response.ok(imports.template(k, f), f == ImportFormat.XLSX ? XLSX : CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + ImportTemplates.fileName(k, f) + "\"")
                .build();
    }

    static ImportKind kind(String kind) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "modules":
            case "acquisition-modules":
                return ImportKind.MODULES;
            case "meters":
                return ImportKind.METERS;
            default:
                throw new ValidationException("kind", "must be modules or meters");
        }
    }

    static ImportFormat format(String format) {
        String f = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "csv":
                return ImportFormat.CSV;
            case "xlsx":
                return ImportFormat.XLSX;
            default:
                throw new ValidationException("format", "must be csv or xlsx");
        }
    }

    /**
     * The file name the service tells the format by: the given one when it ends in .csv or .xlsx,
     * else the given one (or "upload") with the extension of the Content-Type.
     */
    static String fileName(String filename, String contentType) {
        String name = filename == null || filename.isBlank() ? null : filename.trim();
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return name;
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String base = name == null ? "upload" : name;
        if (type.equals(CSV) || type.equals("application/csv") || type.equals("text/comma-separated-values")) {
            return base + ".csv";
        }
        if (type.equals(XLSX)) {
            return base + ".xlsx";
        }
        throw new ValidationException("filename", "must end in .csv or .xlsx, or send the file as Content-Type "
                + CSV + " or " + XLSX);
    }
}
