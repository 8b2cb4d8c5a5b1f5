package org.meterline.grid.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.server.ErrorMessage;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.TextField;
import com.vaadin.ui.TreeGrid;
import com.vaadin.ui.TwinColSelect;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.meterline.core.api.Caller;
import org.meterline.core.api.PageRequest;
import org.meterline.core.api.Permission;
import org.meterline.core.api.Role;
import org.meterline.core.api.ValidationException;
import org.meterline.grid.api.PowerGrid;
import org.meterline.grid.api.PowerGridInput;
import org.meterline.grid.api.Project;
import org.meterline.grid.api.ProjectStatus;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;
import org.meterline.grid.internal.FakeTariffService;
import org.meterline.grid.internal.GridServiceImpl;
import org.meterline.grid.internal.TestDatabase;
import org.meterline.tariff.api.ServiceRate;
import org.meterline.ui.api.MenuGroup;
import org.meterline.ui.api.ViewContribution;
import org.meterline.ui.api.testing.VaadinViewTest;

/**
 * The views and their forms without a browser: a Vaadin session and UI of their own, the real
 * grid service on Derby, and clicks on the components by their ids.
 */
class GridViewsTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private GridServiceImpl service;
    private final FakeTariffService tariff = new FakeTariffService();
    private final Caller operator = caller(Role.OPERATOR);

    @RegisterExtension
    final VaadinViewTest vaadin = new VaadinViewTest().caller(operator).detachedUi();

    private static Caller caller(Role role) {
        return new Caller("user-" + role, 1, 10, 10, EnumSet.of(role));
    }

    @BeforeEach
    void start() {
        db = new TestDatabase(dir);
        service = db.gridService(tariff);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private boolean dialogOpen(String id) {
        return vaadin.ui().getWindows().stream().anyMatch(w -> id.equals(w.getId()));
    }

    /** The error shown on a field, as text. */
    private static String error(Component field) {
        ErrorMessage error = ((AbstractComponent) field).getComponentError();
        if (error == null) {
            return null;
        }
        Matcher entity = Pattern.compile("&#(\\d+);").matcher(error.getFormattedHtmlMessage());
        StringBuilder text = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(text, Character.toString(Integer.parseInt(entity.group(1))));
        }
        return entity.appendTail(text).toString();
    }

    @Test
    void menuEntriesFollowTheTariffOnesInTheProjectMenu() {
        List<ViewContribution> views = List.of(new GridViews.Sites(service), new GridViews.Projects(service, tariff),
                new GridViews.PowerGrids(service));
        assertEquals(List.of("Sites", "Projects", "Power Grid"),
                views.stream().map(ViewContribution::caption).collect(Collectors.toList()));
        assertEquals(List.of("site", "project", "power-grid"),
                views.stream().map(ViewContribution::viewName).collect(Collectors.toList()));
        assertEquals(List.of(30, 40, 50), views.stream().map(ViewContribution::order).collect(Collectors.toList()));
        for (ViewContribution v : views) {
            assertEquals(MenuGroup.PROJECT, v.group());
            assertEquals(Permission.read("grid"), v.permission());
            Component view = (Component) v.createView();
            assertEquals(v.viewName(), view.getId());
            for (String suffix : List.of("-grid", "-filter", "-add", "-edit", "-delete")) {
                assertEquals(v.viewName() + suffix, vaadin.get(view, v.viewName() + suffix).getId());
            }
        }
    }

    @Test
    void siteFormNamesTheFieldsTheServiceRefuses() {
        SiteView view = new SiteView(service);
        ((Button) vaadin.get(view, "site-add")).click();
        assertTrue(dialogOpen("site-form"));
        Button save = vaadin.get(view, "site-form-save");
        save.click();
        assertEquals("Is required", error(vaadin.get(view, "site-form-name")));

        ((TextField) vaadin.get(view, "site-form-name")).setValue("North");
        ((TextField) vaadin.get(view, "site-form-latitude")).setValue("north-ish");
        ((TextField) vaadin.get(view, "site-form-longitude")).setValue("200");
        save.click();
        assertEquals("Must be a number", error(vaadin.get(view, "site-form-latitude")));
        ((TextField) vaadin.get(view, "site-form-latitude")).setValue("52,52");
        save.click();
        assertEquals("Must be between -180 and 180", error(vaadin.get(view, "site-form-longitude")));
        ((TextField) vaadin.get(view, "site-form-longitude")).setValue("13.405");
        ((ComboBox<String>) vaadin.get(view, "site-form-timeZone")).setValue("Europe/Berlin");
        save.click();
        assertFalse(dialogOpen("site-form"));
        Site north = service.listSites(operator, PageRequest.first(10)).items().get(0);
        assertEquals(new Site(north.id(), "North", null, 52.52, 13.405, "Europe/Berlin"), north);

        // a duplicate lands on the name field
        ((Button) vaadin.get(view, "site-add")).click();
        ((TextField) vaadin.get(view, "site-form-name")).setValue("north");
        ((Button) vaadin.get(view, "site-form-save")).click();
        assertEquals("A site named North already exists.", error(vaadin.get(view, "site-form-name")));
    }

    @Test
    void projectFormOffersTheCustomersRatesAndSites() {
        tariff.rate(operator, 7, 8);
        Site north = service.createSite(operator, new SiteInput("North", null, null, null, null));
        ProjectView view = new ProjectView(service, tariff);
        ((Button) vaadin.get(view, "project-add")).click();
        ComboBox<Site> site = vaadin.get(view, "project-form-siteId");
        site.setValue(north);
        ((TextField) vaadin.get(view, "project-form-name")).setValue("Solar Park");
        TwinColSelect<ServiceRate> rates = vaadin.get(view, "project-form-serviceRateIds");
        ServiceRate seven = tariff.getServiceRate(operator, 7);
        rates.select(seven);
        assertEquals(ProjectStatus.PLANNED, ((ComboBox<ProjectStatus>) vaadin.get(view, "project-form-status")).getValue());
        ((DateField) vaadin.get(view, "project-form-startDate")).setValue(LocalDate.of(2026, 3, 1));
        ((DateField) vaadin.get(view, "project-form-endDate")).setValue(LocalDate.of(2026, 2, 1));
        ((Button) vaadin.get(view, "project-form-save")).click();
        assertEquals("Must not be before the start date", error(vaadin.get(view, "project-form-endDate")));
        ((DateField) vaadin.get(view, "project-form-endDate")).setValue(LocalDate.of(2026, 12, 31));
        ((Button) vaadin.get(view, "project-form-save")).click();
        assertFalse(dialogOpen("project-form"));
        Project saved = service.listProjects(operator, PageRequest.first(10)).items().get(0);
        assertEquals(List.of(7L), saved.serviceRateIds());
        assertEquals("North", saved.siteName());

        // editing shows what is stored
        ((Grid<Project>) vaadin.get(view, "project-grid")).select(saved);
        ((Button) vaadin.get(view, "project-edit")).click();
        assertEquals(Set.of(seven), ((TwinColSelect<ServiceRate>) vaadin.get(view, "project-form-serviceRateIds")).getValue());
        assertEquals(north, ((ComboBox<Site>) vaadin.get(view, "project-form-siteId")).getValue());
        assertEquals("Under construction", ProjectView.caption(ProjectStatus.UNDER_CONSTRUCTION));
    }

    @Test
    void powerGridViewShowsTheHierarchyAsATree() {
        PowerGrid north = service.createPowerGrid(operator, new PowerGridInput(null, "North", null, null, null));
        PowerGrid feeder = service.createPowerGrid(operator, new PowerGridInput(north.id(), "Feeder 1", "F1", null, null));
        PowerGrid tr7 = service.createPowerGrid(operator, new PowerGridInput(feeder.id(), "TR-7", null, 50.1, 8.6));
        PowerGrid south = service.createPowerGrid(operator, new PowerGridInput(null, "South", null, null, null));
        PowerGridView view = new PowerGridView(service);
        TreeGrid<PowerGrid> tree = vaadin.get(view, "power-grid-grid");
        assertEquals(List.of(north, south), tree.getTreeData().getRootItems());
        assertEquals(List.of(feeder), tree.getTreeData().getChildren(north));
        assertEquals(List.of(tr7), tree.getTreeData().getChildren(feeder));
        assertTrue(tree.isExpanded(feeder));

        // the filter keeps the superiors of what matches
        view.filter.setValue("tr-");
        assertEquals(List.of(north), tree.getTreeData().getRootItems());
        assertEquals(List.of(tr7), tree.getTreeData().getChildren(feeder));
        view.filter.setValue("");

        // + Add below the selected grid
        tree.select(feeder);
        assertTrue(view.edit.isEnabled());
        view.add.click();
        ComboBox<PowerGrid> parent = vaadin.get(view, "power-grid-form-parentId");
        assertEquals(feeder, parent.getValue());
        ((TextField) vaadin.get(view, "power-grid-form-name")).setValue("TR-8");
        ((Button) vaadin.get(view, "power-grid-form-save")).click();
        assertFalse(dialogOpen("power-grid-form"));
        assertEquals(2, tree.getTreeData().getChildren(service.getPowerGrid(operator, feeder.id())).size());

        // editing North offers neither North nor anything below it as its superior
        tree.select(service.getPowerGrid(operator, north.id()));
        view.edit.click();
        ComboBox<PowerGrid> superior = vaadin.get(view, "power-grid-form-parentId");
        assertNull(superior.getValue());
        assertEquals(List.of("South"), superior.getDataCommunicator().fetchItemsWithRange(0, 100).stream()
                .map(PowerGrid::path).collect(Collectors.toList()));
        assertEquals(Set.of(north.id(), feeder.id(), tr7.id(),
                service.powerGridTree(operator).stream().filter(g -> g.name().equals("TR-8")).findFirst()
                        .orElseThrow().id()), view.selfAndBelow(north.id()));
    }

    @Test
    void viewersGetNoButtonsToChangeAnything() {
        vaadin.caller(caller(Role.VIEWER));
        PowerGridView grids = new PowerGridView(service);
        assertFalse(grids.add.isVisible());
        assertFalse(grids.edit.isVisible());
        assertFalse(grids.delete.isVisible());
        SiteView sites = new SiteView(service);
        assertFalse(vaadin.get(sites, "site-add").isVisible());
    }

    @Test
    void coordinatesAreNumbersOrEmpty() {
        assertNull(Coordinates.number("latitude", " "));
        assertEquals(52.52, Coordinates.number("latitude", " 52,52 "));
        assertEquals(-0.5, Coordinates.number("longitude", "-.5"));
        for (String bad : List.of("abc", "NaN", "Infinity", "0x1p3", "1,2,3")) {
            ValidationException e = assertThrows(ValidationException.class, () -> Coordinates.number("latitude", bad));
            assertEquals("latitude: must be a number", e.getMessage());
        }
        ValidationException both = assertThrows(ValidationException.class, () -> Coordinates.parse("x", "y"));
        assertEquals(2, both.errors().size());
        assertEquals("52.52, 13.405", Coordinates.location(52.52, 13.405));
        assertEquals("", Coordinates.location(null, null));
        assertEquals("10", Coordinates.text(10.0));
        assertEquals("UTC", SiteView.zones().get(0));
    }
}
