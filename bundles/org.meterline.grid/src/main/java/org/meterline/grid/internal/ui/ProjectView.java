package org.meterline.grid.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.TwinColSelect;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectInput;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.tariff.api.TariffService;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;
import org.meterline.ui.api.LocationPicker;

/** Project → Projects (manual §2.2). */
final class ProjectView extends CrudView<Project> {

    private static final long serialVersionUID = 1L;

    private final transient GridService gridService;
    private final transient TariffService tariff;

    ProjectView(GridService gridService, TariffService tariff) {
        super("Projects", "project", gridService::listProjects, Permission.write(GridViews.AREA));
        this.gridService = gridService;
        this.tariff = tariff;
        column("name", "Project Name", Project::name);
        column("shortName", "Short Name", p -> p.shortName() == null ? "" : p.shortName());
        column("site", "Site", Project::siteName);
        column("status", "Status", p -> caption(p.status()));
        column("billingStartDate", "Billing Start Date", p -> date(p.billingStartDate()));
        column("startDate", "Project Start Date", p -> date(p.startDate()));
        column("endDate", "Project End Date", p -> date(p.endDate()));
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(Project item) {
        form(item);
    }

    private void form(Project item) {
        FormDialog dialog = new FormDialog(item == null ? "Add project" : "Edit project", "project-form");
        PageRequest all = new PageRequest(0, PageRequest.MAX_LIMIT, "name", true, "");
        ComboBox<Site> site = dialog.field("siteId", new ComboBox<>("Site"), true);
        List<Site> sites = gridService.listSites(caller(), all).items();
        site.setItems(sites);
        site.setItemCaptionGenerator(Site::name);
        TextField name = dialog.field("name", new TextField("Project Name"), true);
        TextField shortName = dialog.field("shortName", new TextField("Short Name"), false);
        TwinColSelect<ServiceRate> rates = dialog.field("serviceRateIds", new TwinColSelect<>("Associated Rates"), false);
        List<ServiceRate> allRates = tariff.listServiceRates(caller(),
                new PageRequest(0, PageRequest.MAX_LIMIT, "code", true, "")).items();
        rates.setItems(allRates);
        rates.setItemCaptionGenerator(r -> r.name() + " (" + r.code() + ")");
        rates.setLeftColumnCaption("Available");
        rates.setRightColumnCaption("Associated");
        rates.setRows(6);
        DateField billingStart = dialog.field("billingStartDate", new DateField("Billing Start Date"), false);
        DateField start = dialog.field("startDate", new DateField("Project Start Date"), false);
        DateField end = dialog.field("endDate", new DateField("Project End Date"), false);
        for (DateField date : List.of(billingStart, start, end)) {
            date.setDateFormat("yyyy-MM-dd");
        }
        ComboBox<ProjectStatus> status = dialog.field("status", new ComboBox<>("Status"), true);
        status.setItems(Arrays.asList(ProjectStatus.values()));
        status.setItemCaptionGenerator(ProjectView::caption);
        status.setEmptySelectionAllowed(false);
        status.setValue(ProjectStatus.PLANNED);
        TextField latitude = dialog.field("latitude", new TextField("Latitude"), false);
        TextField longitude = dialog.field("longitude", new TextField("Longitude"), false);
        SiteView.map(dialog, latitude, longitude);
        if (item != null) {
            sites.stream().filter(s -> s.id() == item.siteId()).findFirst().ifPresent(site::setValue);
            name.setValue(item.name());
            shortName.setValue(item.shortName() == null ? "" : item.shortName());
            allRates.stream().filter(r -> item.serviceRateIds().contains(r.id())).forEach(rates::select);
            billingStart.setValue(item.billingStartDate());
            start.setValue(item.startDate());
            end.setValue(item.endDate());
            status.setValue(item.status());
            latitude.setValue(Coordinates.text(item.latitude()));
            longitude.setValue(Coordinates.text(item.longitude()));
        }
        dialog.onSave(() -> {
            Coordinates.LatLon at = Coordinates.parse(latitude.getValue(), longitude.getValue());
            ProjectInput input = new ProjectInput(site.getValue() == null ? null : site.getValue().id(),
                    name.getValue(), shortName.getValue(),
                    rates.getValue().stream().map(ServiceRate::id).sorted().collect(Collectors.toList()),
                    billingStart.getValue(), start.getValue(), end.getValue(), status.getValue(), at.latitude(),
                    at.longitude());
            if (item == null) {
                gridService.createProject(caller(), input);
            } else {
                gridService.updateProject(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    /** "Under construction" for a status. */
    static String caption(ProjectStatus status) {
        String words = status.id().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    @Override
    protected void delete(Project item) {
        gridService.deleteProject(caller(), item.id());
    }

    @Override
    protected String describe(Project item) {
        return "project " + item.name();
    }
}
