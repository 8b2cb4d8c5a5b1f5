package org.meterline.archive.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.TextField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.meterline.archive.api.Poc;
import org.meterline.archive.api.PocInput;
import org.meterline.archive.api.PocService;
import org.meterline.core.api.MeterlineException;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.Site;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;

/** Archive → POC (manual §4.2): bind a meter to a consumer in a project, at one of its rates. */
final class PocView extends CrudView<Poc> {

    private static final long serialVersionUID = 1L;
    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_LIMIT, "name", true, "");

    private final transient PocService pocs;
    private final transient GridService gridService;
    private final transient TariffService tariff;
    private final Map<Long, String> projectNames = new HashMap<>();

    PocView(PocService pocs, GridService gridService, TariffService tariff) {
        super("POC", "poc", pocs::listPocs, Permission.write("archive"));
        this.pocs = pocs;
        this.gridService = gridService;
        this.tariff = tariff;
        column("name", "Name", Poc::name);
        grid.addColumn(p -> projectName(p.projectId())).setCaption("Project").setId("project").setSortable(false);
        column("meterSerial", "Device SN", Poc::meterSerial);
        column("consumerCode", "Consumer Code", Poc::consumerCode);
        column("type", "Type", p -> p.type() == null ? "" : p.type());
        grid.addColumn(p -> p.active() ? "Active" : "Ended").setCaption("State").setId("state").setSortable(false);
    }

    private String projectName(long id) {
        return projectNames.computeIfAbsent(id, k -> {
            try {
                return gridService.getProject(caller(), k).name();
            } catch (MeterlineException e) {
                return "#" + k;
            }
        });
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(Poc item) {
        form(item);
    }

    private void form(Poc item) {
        FormDialog dialog = new FormDialog(item == null ? "Add POC" : "Edit POC " + item.name(), "poc-form");
        ComboBox<Site> site = dialog.field("siteId", new ComboBox<>("Site"), true);
        ComboBox<Project> project = dialog.field("projectId", new ComboBox<>("Project"), true);
        ComboBox<PowerGrid> powerGrid = dialog.field("powerGridId", new ComboBox<>("Power Grid"), false);
        ComboBox<ServiceRate> rate = dialog.field("serviceRateId", new ComboBox<>("Service Rate"), true);
        TextField meter = dialog.field("meterSerial", new TextField("Device SN (meter)"), true);
        TextField consumer = dialog.field("consumerCode", new TextField("Consumer Code"), true);
        TextField type = dialog.field("type", new TextField("Type"), false);
        TextField name = dialog.field("name", new TextField("Name"), true);
        TextField latitude = dialog.field("latitude", new TextField("Latitude"), false);
        TextField longitude = dialog.field("longitude", new TextField("Longitude"), false);

        List<Site> sites = gridService.listSites(caller(), ALL).items();
        List<Project> projects = gridService.listProjects(caller(), ALL).items();
        List<ServiceRate> rates = tariff.listServiceRates(caller(), new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, ""))
                .items();
        site.setItems(sites);
        site.setItemCaptionGenerator(Site::name);
        project.setItemCaptionGenerator(Project::name);
        rate.setItemCaptionGenerator(r -> r.name() + " (" + r.code() + ")");
        powerGrid.setItems(gridService.powerGridTree(caller()));
        powerGrid.setItemCaptionGenerator(PowerGrid::path);
        site.addValueChangeListener(e -> project.setItems(projects.stream()
                .filter(p -> e.getValue() != null && p.siteId() == e.getValue().id()).collect(Collectors.toList())));
        project.addValueChangeListener(e -> rate.setItems(rates.stream()
                .filter(r -> e.getValue() != null && e.getValue().serviceRateIds().contains(r.id()))
                .collect(Collectors.toList())));
        if (item != null) {
            sites.stream().filter(s -> s.id() == item.siteId()).findFirst().ifPresent(site::setValue);
            projects.stream().filter(p -> p.id() == item.projectId()).findFirst().ifPresent(project::setValue);
            rates.stream().filter(r -> r.id() == item.serviceRateId()).findFirst().ifPresent(rate::setValue);
            gridService.powerGridTree(caller()).stream().filter(g -> Objects.equals(g.id(), item.powerGridId())).findFirst()
                    .ifPresent(powerGrid::setValue);
            meter.setValue(item.meterSerial());
            consumer.setValue(item.consumerCode());
            type.setValue(item.type() == null ? "" : item.type());
            name.setValue(item.name());
            latitude.setValue(item.latitude() == null ? "" : item.latitude().toString());
            longitude.setValue(item.longitude() == null ? "" : item.longitude().toString());
        }
        dialog.onSave(() -> {
            PocInput input = new PocInput(site.getValue() == null ? null : site.getValue().id(),
                    project.getValue() == null ? null : project.getValue().id(),
                    powerGrid.getValue() == null ? null : powerGrid.getValue().id(),
                    rate.getValue() == null ? null : rate.getValue().id(), meter.getValue(), consumer.getValue(),
                    type.getValue(), name.getValue(), coordinate("latitude", latitude.getValue()),
                    coordinate("longitude", longitude.getValue()));
            if (item == null) {
                pocs.createPoc(caller(), input);
            } else {
                pocs.updatePoc(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    static Double coordinate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a number");
        }
    }

    @Override
    protected void delete(Poc item) {
        pocs.deletePoc(caller(), item.id());
    }

    @Override
    protected String describe(Poc item) {
        return "(end) POC " + item.name() + " and dismantle meter " + item.meterSerial();
    }
}
