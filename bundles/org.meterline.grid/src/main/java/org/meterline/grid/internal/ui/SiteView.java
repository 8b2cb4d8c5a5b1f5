package org.meterline.grid.internal.ui;

import com.vaadin.ui.ComboBox;
import com.vaadin.ui.TextField;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.meterline.core.api.Permission;
import org.meterline.grid.api.GridService;
import org.meterline.grid.api.Site;
import org.meterline.grid.api.SiteInput;
import org.meterline.ui.api.CrudView;
import org.meterline.ui.api.FormDialog;
import org.meterline.ui.api.LocationPicker;

/** Project → Sites (manual §2.1). */
final class SiteView extends CrudView<Site> {

    private static final long serialVersionUID = 1L;

    private final transient GridService gridService;

    SiteView(GridService gridService) {
        super("Sites", "site", gridService::listSites, Permission.write(GridViews.AREA));
        this.gridService = gridService;
        column("name", "Site Name", Site::name);
        column("shortName", "Short Name", s -> s.shortName() == null ? "" : s.shortName());
        column("timeZone", "Time Zone", Site::timeZone);
        grid.addColumn(s -> Coordinates.location(s.latitude(), s.longitude())).setCaption("Location")
                .setId("location").setSortable(false);
    }

    @Override
    protected void onAdd() {
        form(null);
    }

    @Override
    protected void onEdit(Site item) {
        form(item);
    }

    private void form(Site item) {
        FormDialog dialog = new FormDialog(item == null ? "Add site" : "Edit site", "site-form");
        TextField name = dialog.field("name", new TextField("Site Name"), true);
        TextField shortName = dialog.field("shortName", new TextField("Short Name"), false);
        TextField latitude = dialog.field("latitude", new TextField("Latitude"), false);
        latitude.setPlaceholder("e.g. 52.52");
        TextField longitude = dialog.field("longitude", new TextField("Longitude"), false);
        longitude.setPlaceholder("e.g. 13.405");
        map(dialog, latitude, longitude);
        ComboBox<String> timeZone = dialog.field("timeZone", new ComboBox<>("Time Zone"), false);
        timeZone.setItems(zones());
        timeZone.setEmptySelectionAllowed(false);
        timeZone.setValue("UTC");
        if (item != null) {
            name.setValue(item.name());
            shortName.setValue(item.shortName() == null ? "" : item.shortName());
            latitude.setValue(Coordinates.text(item.latitude()));
            longitude.setValue(Coordinates.text(item.longitude()));
            timeZone.setValue(item.timeZone());
        }
        dialog.onSave(() -> {
            Coordinates.LatLon at = Coordinates.parse(latitude.getValue(), longitude.getValue());
            SiteInput input = new SiteInput(name.getValue(), shortName.getValue(), at.latitude(), at.longitude(),
                    timeZone.getValue());
            if (item == null) {
                gridService.createSite(caller(), input);
            } else {
                gridService.updateSite(caller(), item.id(), input);
            }
        }).afterSave(this::refresh);
        dialog.open();
    }

    /**
     * The map below a form's latitude and longitude (id {@code <dialog id>-map}): a click fills
     * them, typing moves the marker; the fields alone still work when no map tiles load.
     */
    static LocationPicker map(FormDialog dialog, TextField latitude, TextField longitude) {
        LocationPicker map = LocationPicker.bind(latitude, longitude);
        map.setId(dialog.getId() + "-map");
        map.setCaption("Map");
        map.setDescription("Click the map to set the latitude and longitude");
        dialog.addInfo(map);
        return map;
    }

    /** The IANA time zone ids, sorted, UTC first. */
    static List<String> zones() {
        List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(z -> !"UTC".equals(z)).sorted()
                .collect(Collectors.toList());
        zones.add(0, "UTC");
        return zones;
    }

    @Override
    protected void delete(Site item) {
        gridService.deleteSite(caller(), item.id());
    }

    @Override
    protected String describe(Site item) {
        return "site " + item.name();
    }
}
