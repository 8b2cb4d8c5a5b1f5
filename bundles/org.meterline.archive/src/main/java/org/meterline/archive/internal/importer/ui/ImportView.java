package org.meterline.archive.internal.importer.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Notification;
import com.vaadin.ui.ProgressBar;
import com.vaadin.ui.UI;
import com.vaadin.ui.UIDetachedException;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.meterline.archive.api.ArchiveImportService;
import org.meterline.archive.api.ImportFormat;
import org.meterline.archive.api.ImportKind;
import org.meterline.archive.api.ImportProgress;
import org.meterline.archive.api.ImportReport;
import org.meterline.archive.api.ImportRowError;
import org.meterline.archive.internal.importer.ImportTemplates;
import org.meterline.core.api.Caller;
import org.meterline.core.api.MeterlineException;
import org.meterline.ui.api.UiContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive → Import: choose what to import, download a template, upload a CSV or xlsx file. The
 * upload goes to a temporary file; the import then runs on the component's executor while the
 * page polls twice a second for its progress, and ends with the report: the rows imported, or
 * a grid of the errors by row and field (and nothing imported).
 */
final class ImportView extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImportView.class);
    private static final int POLL_WHILE_IMPORTING = 500;
    /** How often progress is sent to the page at most. */
    private static final long PROGRESS_MILLIS = 250;

    private final transient ArchiveImportService imports;
    private final transient ExecutorService executor;
    private final long maxUploadBytes;
    private final ComboBox<ImportKind> kind = new ComboBox<>("What to import");
    private final Button csvTemplate = new Button("CSV template", VaadinIcons.DOWNLOAD);
    private final Button xlsxTemplate = new Button("xlsx template", VaadinIcons.DOWNLOAD);
    private final FileDownloader csvDownload;
    private final FileDownloader xlsxDownload;
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private final Label status = new Label();
    private final Grid<ImportRowError> errors = new Grid<>();
    private transient Path received;
    private boolean tooLarge;
    private boolean running;

    ImportView(ArchiveImportService imports, ExecutorService executor, long maxUploadBytes) {
        this.imports = imports;
        this.executor = executor;
        this.maxUploadBytes = maxUploadBytes;
        setId("archive-import");
        setSizeFull();
        Label heading = new Label("Import");
        heading.addStyleName(ValoTheme.LABEL_H2);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        Label help = new Label("Acquisition modules or meters from a CSV (UTF-8) or xlsx file. The first row names the "
                + "columns, as in the template. A file with any invalid row imports nothing: the rows and fields to "
                + "correct are listed below.");
        help.setWidth("100%");

        kind.setId("import-kind");
        kind.setItems(ImportKind.values());
        kind.setItemCaptionGenerator(k -> k == ImportKind.MODULES ? "Acquisition modules" : "Meters");
        kind.setEmptySelectionAllowed(false);
        kind.setTextInputAllowed(false);
        kind.setValue(ImportKind.METERS);
        csvTemplate.setId("import-template-csv");
        xlsxTemplate.setId("import-template-xlsx");
        csvDownload = new FileDownloader(template(ImportKind.METERS, ImportFormat.CSV));
        csvDownload.extend(csvTemplate);
        xlsxDownload = new FileDownloader(template(ImportKind.METERS, ImportFormat.XLSX));
        xlsxDownload.extend(xlsxTemplate);
        kind.addValueChangeListener(e -> {
            csvDownload.setFileDownloadResource(template(e.getValue(), ImportFormat.CSV));
            xlsxDownload.setFileDownloadResource(template(e.getValue(), ImportFormat.XLSX));
        });

        upload = new Upload(null, this::receive);
        upload.setId("import-upload");
        upload.setButtonCaption("Import file…");
        upload.setAcceptMimeTypes(".csv,.xlsx,text/csv," + ImportTemplates.XLSX_TYPE);
        upload.addStartedListener(e -> {
            tooLarge = e.getContentLength() > maxUploadBytes;
            if (tooLarge) {
                upload.interruptUpload();
            }
        });
        upload.addProgressListener((read, length) -> {
            if (read > maxUploadBytes && !tooLarge) {
                tooLarge = true;
                upload.interruptUpload();
            }
        });
        upload.addFailedListener(e -> {
            discard();
            status.setValue(tooLarge ? e.getFilename() + " is larger than " + maxUploadBytes / (1024 * 1024)
                    + " MB; split it into smaller files." : "The upload of " + e.getFilename() + " failed.");
        });
        upload.addSucceededListener(e -> start(e.getFilename()));

        HorizontalLayout controls = new HorizontalLayout(kind, csvTemplate, xlsxTemplate, upload);
        controls.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);

        progress.setId("import-progress");
        progress.setWidth("100%");
        progress.setVisible(false);
        status.setId("import-status");
        status.setWidth("100%");

        errors.setId("import-errors");
        errors.addColumn(ImportRowError::row).setCaption("Row").setId("row").setExpandRatio(0);
        errors.addColumn(e -> e.field() == null ? "" : e.field()).setCaption("Field").setId("field").setExpandRatio(0);
        errors.addColumn(ImportRowError::message).setCaption("Message").setId("message").setExpandRatio(1);
        errors.setSizeFull();
        errors.setSelectionMode(Grid.SelectionMode.NONE);
        errors.setVisible(false);

        addComponents(heading, help, controls, progress, status, errors);
        setExpandRatio(errors, 1);
    }

    private StreamResource template(ImportKind k, ImportFormat format) {
        StreamResource resource = new StreamResource(() -> new ByteArrayInputStream(imports.template(k, format)),
                ImportTemplates.fileName(k, format));
        resource.setMIMEType(ImportTemplates.contentType(format));
        resource.setCacheTime(0);
        return resource;
    }

    /** Where the upload goes: a temporary file, read by the import and deleted after it. */
    private OutputStream receive(String fileName, String mimeType) {
        try {
            discard();
            received = Files.createTempFile("meterline-upload-", ".tmp");
            return Files.newOutputStream(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discard() {
        if (received != null) {
            try {
                Files.deleteIfExists(received);
            } catch (IOException e) {
                LOG.warn("Could not delete {}", received, e);
            }
            received = null;
        }
    }

    /** Runs on the UI thread once the file is here: hands the import to the executor. */
    private void start(String fileName) {
        Path file = received;
        received = null;
        if (file == null || running) {
            return;
        }
        UI ui = getUI() != null ? getUI() : UI.getCurrent();
        Caller caller;
        try {
            caller = UiContext.caller(); // read here: the executor's thread has no Vaadin session
        } catch (MeterlineException e) {
            delete(file);
            status.setValue(e.getMessage());
            return;
        }
        ImportKind what = kind.getValue();
        int poll = ui.getPollInterval();
        running = true;
        upload.setEnabled(false);
        kind.setEnabled(false);
        errors.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        status.setValue("Waiting for an earlier import to finish…");
        ui.setPollInterval(POLL_WHILE_IMPORTING);
        try {
            executor.execute(() -> run(ui, poll, caller, what, fileName, file));
        } catch (RejectedExecutionException e) {
            delete(file);
            finish(ui, poll);
            status.setValue("Imports are not available right now; try again later.");
        }
    }

    /** Runs on the executor. */
    private void run(UI ui, int poll, Caller caller, ImportKind what, String fileName, Path file) {
        ImportReport report = null;
        String failure = null;
        try (InputStream in = Files.newInputStream(file)) {
            report = imports.importFile(caller, what, fileName, in, new Throttled(ui, fileName));
        } catch (MeterlineException e) {
            failure = e.getMessage();
        } catch (RuntimeException | IOException e) {
            LOG.error("The import of {} failed", fileName, e);
            failure = "The import of " + fileName + " failed (" + e.getMessage() + "); nothing was imported.";
        } finally {
            delete(file);
        }
        ImportReport done = report;
        String problem = failure;
        access(ui, () -> {
            finish(ui, poll);
            if (done != null) {
                show(what, fileName, done);
            } else {
                status.setValue(problem);
                Notification.show(problem, Notification.Type.ERROR_MESSAGE);
            }
        });
    }

    private void finish(UI ui, int poll) {
        running = false;
        ui.setPollInterval(poll);
        upload.setEnabled(true);
        kind.setEnabled(true);
        progress.setIndeterminate(false);
    }

    private void show(ImportKind what, String fileName, ImportReport report) {
        String objects = what == ImportKind.MODULES ? "acquisition modules" : "meters";
        if (report.imported()) {
            progress.setValue(1f);
            status.setValue(String.format("Imported %,d %s from %s.", report.importedRows(), objects, fileName));
            Notification.show(status.getValue(), Notification.Type.TRAY_NOTIFICATION);
        } else {
            progress.setVisible(false);
            status.setValue(fileName + ": nothing was imported. Correct what is listed below (row 1 is the first row "
                    + "below the header, row 0 the header or the file as a whole) and import the file again.");
            errors.setItems(report.errors());
            errors.setVisible(true);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    private static void access(UI ui, Runnable change) {
        try {
            ui.access(change);
        } catch (UIDetachedException e) {
            // the page was closed; the import went on without it
        }
    }

    /** Sends progress to the page, at most every {@link #PROGRESS_MILLIS} and on each new phase. */
    private final class Throttled implements ImportProgress {
        private final UI ui;
        private final String fileName;
        private String phase = "";
        private long last;

        Throttled(UI ui, String fileName) {
            this.ui = ui;
            this.fileName = fileName;
        }

        @Override
        public void update(String newPhase, int done, int total) {
            long now = System.currentTimeMillis();
            boolean phaseDone = total > 0 && done >= total;
            if (newPhase.equals(phase) && now - last < PROGRESS_MILLIS && !phaseDone) {
                return;
            }
            phase = newPhase;
            last = now;
            access(ui, () -> {
                progress.setIndeterminate(total <= 0);
                if (total > 0) {
                    progress.setValue(done / (float) total);
                }
                switch (newPhase) {
                    case "reading":
                        status.setValue(String.format("Reading %s: %,d rows", fileName, done));
                        break;
                    case "checking":
                        status.setValue(String.format("Checking %s: row %,d of %,d", fileName, done, total));
                        break;
                    default:
                        status.setValue(String.format("Importing %s: %,d of %,d rows", fileName, done, total));
                        break;
                }
            });
        }
    }
}
