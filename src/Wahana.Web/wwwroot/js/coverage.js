// The coverage map of /wksbm/cakupan: the kalurahan of the user's area coloured by whether they have an active
// WKSBM, drawn with Leaflet on a plain background (no tile server). The page's tables carry the same figures,
// so without JavaScript, or when this fails, nothing is lost but the picture.
(function () {
    const map = document.getElementById('peta');
    if (!map || !window.L) { return; }
    const figure = document.getElementById('peta-gambar');
    const data = JSON.parse(map.dataset.coverage);
    const villages = data.villages || {};
    const colours = {
        covered: { fillColor: '#137a3f', fillOpacity: 0.9 },
        uncovered: { fillColor: '#f6e8b1', fillOpacity: 0.9 },
    };

    // DIY's own names: a desa code whose last part starts with 1 is an urban kelurahan.
    const villageName = feature => {
        const code = feature.properties.code;
        return (code.charAt(code.length - 4) === '1' ? 'Kelurahan ' : 'Kalurahan ') + feature.properties.name;
    };

    const popup = feature => {
        const box = document.createElement('div');
        const title = document.createElement('strong');
        title.textContent = villageName(feature);
        box.appendChild(title);
        const active = villages[feature.properties.code] || [];
        const text = document.createElement('div');
        text.textContent = active.length ? map.dataset.labelActive : map.dataset.labelNone;
        box.appendChild(text);
        if (active.length) {
            const list = document.createElement('ul');
            list.className = 'mb-0 ps-3';
            active.forEach(institution => {
                const item = document.createElement('li');
                const link = document.createElement('a');
                link.href = '/wksbm/' + encodeURIComponent(institution.id);
                link.textContent = institution.name;
                item.appendChild(link);
                list.appendChild(item);
            });
            box.appendChild(list);
        }
        return box;
    };

    const failed = () => {
        figure.hidden = true;
        document.getElementById('peta-galat').hidden = false;
    };

    figure.hidden = false;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const leaflet = L.map(map, {
        zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: false,
        fadeAnimation: !still, zoomAnimation: !still, markerZoomAnimation: !still,
    });
    L.control.attribution({ prefix: false }).addAttribution(map.dataset.attribution).addTo(leaflet);

    fetch(map.dataset.geojson, { credentials: 'same-origin' })
        .then(response => {
            if (!response.ok) { throw new Error('HTTP ' + response.status); }
            return response.json();
        })
        .then(all => {
            const inArea = feature => !data.regency || feature.properties.code.startsWith(data.regency + '.');
            const layer = L.geoJSON(all, {
                filter: inArea,
                style: feature => Object.assign({ color: '#4d4d4d', weight: 0.6 },
                    villages[feature.properties.code] ? colours.covered : colours.uncovered),
                onEachFeature: (feature, path) => path.bindPopup(() => popup(feature)),
            }).addTo(leaflet);
            leaflet.fitBounds(layer.getBounds(), { padding: [8, 8] });
            map.dataset.ready = 'true';
        })
        .catch(failed);
})();
