// Draws the boundary of one kalurahan (GeoJSON from /peta/kalurahan/{code}.geojson) without a tile server.
(function () {
    const element = document.getElementById('peta');
    if (!element || typeof L === 'undefined') { return; }
    fetch(`/peta/kalurahan/${encodeURIComponent(element.dataset.village)}.geojson`)
        .then(response => response.ok ? response.json() : null)
        .then(feature => {
            if (!feature) { element.hidden = true; return; }
            // A still picture: no controls and no focus stops, so the element stays a plain image for screen readers.
            const map = L.map(element, {
                zoomControl: false, attributionControl: false, keyboard: false, dragging: false, touchZoom: false,
                scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false,
            });
            const layer = L.geoJSON(feature, { interactive: false, style: { color: '#0b5d3b', weight: 2, fillColor: '#2e8b57', fillOpacity: 0.25 } }).addTo(map);
            map.fitBounds(layer.getBounds(), { padding: [12, 12] });
        })
        .catch(() => { element.hidden = true; });
})();
