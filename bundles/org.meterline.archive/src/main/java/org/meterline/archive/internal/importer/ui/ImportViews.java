package org.meterline.archive.internal.importer.ui;

import com.vaadin.icons.VaadinIcons;
import com.vaadin.navigator.View;
import com.vaadin.server.Resource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meterline.archive.api.ArchiveImportService;
import org.meterline.core.api.Permission;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive → Import: bulk import of acquisition modules and meters. Owns the threads imports run
 * on, so that an upload never blocks the UI; they stop (and the import running on them rolls
 * back) when the component goes.
 */
@Component(service = ViewContribution.class, configurationPid = "org.meterline.archive.import.ui")
@Designate(ocd = ImportViews.Config.class)
public class ImportViews implements ViewContribution {

    @ObjectClassDefinition(name = "Meterline bulk import view", description = "Archive → Import")
    public @interface Config {
        @AttributeDefinition(description = "Imports that run at the same time; more wait their turn")
        int parallelImports() default 1;

        @AttributeDefinition(description = "Largest upload, in megabytes (the import service has its own limit too)")
        int maxUploadMegabytes() default 100;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportViews.class);

    private final ArchiveImportService imports;
    private final ThreadPoolExecutor executor;
    private final long maxUploadBytes;

    @Activate
    public ImportViews(@Reference ArchiveImportService imports, Config config) {
        this.imports = imports;
        this.maxUploadBytes = Math.max(1, config.maxUploadMegabytes()) * 1024L * 1024L;
        int threads = Math.max(1, config.parallelImports());
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "meterline-import-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("An import is still running after it was asked to stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public MenuGroup group() { return MenuGroup.ARCHIVE; }
    @Override public String caption() { return "Import"; }
    @Override public String viewName() { return "archive-import"; }
    @Override public int order() { return 60; }
    @Override public Permission permission() { return Permission.write("archive"); }
    @Override public Resource icon() { return VaadinIcons.UPLOAD; }
    @Override public View createView() { return new ImportView(imports, executor(), maxUploadBytes); }

    private ExecutorService executor() {
        return executor;
    }
}
