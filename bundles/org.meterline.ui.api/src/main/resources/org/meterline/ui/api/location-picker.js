/*
 * The browser side of org.meterline.ui.api.LocationPicker: a Leaflet map with one marker. A click
 * moves the marker and tells the server (picked(lat, lng)); a point set by the server moves the
 * marker and centres the map on it. When no tiles load the map stays grey and clicks still work.
 */
window.org_meterline_ui_api_LocationPicker = function () {
    var self = this;
    var element = this.getElement();
    var map = null;
    var tiles = null;
    var tileUrl = null;
    var marker = null;

    function point(latlng) {
        marker ? marker.setLatLng(latlng)
            : marker = L.circleMarker(latlng, {radius: 8, color: '#1976d2', weight: 3, fillOpacity: 0.6}).addTo(map);
    }

    function text(value) {
        return String(value || '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }

    function create() {
        var inner = document.createElement('div');
        inner.style.width = '100%';
        inner.style.height = '100%';
        element.appendChild(inner);
        map = L.map(inner, {worldCopyJump: true}).setView([20, 0], 2);
        map.on('click', function (e) {
            var at = e.latlng.wrap();
            // 6 decimals, as the fields show it, so the server's answer does not move the marker again
            at = L.latLng(Math.round(at.lat * 1e6) / 1e6, Math.round(at.lng * 1e6) / 1e6);
            point(at);
            self.picked(at.lat, at.lng);
        });
        // the dialog may lay the map out after it was created
        self.addResizeListener(element, function () { map.invalidateSize(); });
        setTimeout(function () { map.invalidateSize(); }, 0);
    }

    this.onStateChange = function () {
        var state = self.getState();
        if (!map) {
            create();
        }
        if (state.tileUrl !== tileUrl) {
            if (tiles) {
                map.removeLayer(tiles);
            }
            tileUrl = state.tileUrl;
            tiles = tileUrl ? L.tileLayer(tileUrl, {maxZoom: 19, attribution: text(state.tileAttribution)}).addTo(map)
                : null;
        }
        if (state.latitude == null || state.longitude == null) {
            if (marker) {
                map.removeLayer(marker);
                marker = null;
            }
            return;
        }
        var at = L.latLng(state.latitude, state.longitude);
        if (!marker || !marker.getLatLng().equals(at, 1e-6)) {
            point(at);
            map.setView(at, Math.max(map.getZoom(), state.zoom));
        }
    };

    this.onUnregister = function () {
        if (map) {
            map.remove();
        }
    };
};
