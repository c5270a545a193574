// The charts and the map of /dasbor. Every chart is drawn from the table beside it (the source for reading and
// for screen readers): <canvas data-chart="bar|line" data-table="ID" [data-axis="y"] [data-stacked] [data-money]>;
// the table's header cells with data-series are the series, each body row a label, each cell's data-value its
// value. A cell without data-value is a count hidden for the forum ("<5"): its bar is left out and the label
// marked. The map colours each kapanewon by people served, from the figures in #peta-dasbor's data-figures.
(function () {
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const palette = ['#137a3f', '#1f5fa8', '#c8731b', '#7a3f98', '#a3293d', '#3a8f8f'];
    const compact = new Intl.NumberFormat('id-ID', { notation: 'compact', maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat('id-ID');

    const readTable = table => {
        const headers = Array.from(table.tHead.rows[0].cells);
        const series = headers.filter(th => th.dataset.series !== undefined)
            .map(th => ({ name: th.dataset.series, index: th.cellIndex }));
        const labels = [];
        const values = series.map(() => []);
        Array.from(table.tBodies).forEach(body => Array.from(body.rows).forEach(row => {
            if (row.dataset.chartSkip === 'true' || row.cells.length < headers.length) { return; }
            let label = row.cells[0].textContent.trim();
            let hidden = false;
            series.forEach((s, i) => {
                const raw = row.cells[s.index].dataset.value;
                hidden = hidden || raw === undefined;
                values[i].push(raw === undefined ? null : Number(raw));
            });
            if (hidden) { label += ' (<5)'; }
            labels.push(label);
        }));
        return { labels, datasets: series.map((s, i) => ({ label: s.name, data: values[i] })) };
    };

    const drawChart = canvas => {
        const table = document.getElementById(canvas.dataset.table);
        if (!table || !window.Chart) { return; }
        const data = readTable(table);
        const horizontal = canvas.dataset.axis === 'y';
        const stacked = canvas.dataset.stacked === 'true';
        const money = canvas.dataset.money === 'true';
        const line = canvas.dataset.chart === 'line';
        data.datasets.forEach((d, i) => {
            d.backgroundColor = palette[i % palette.length];
            d.borderColor = palette[i % palette.length];
            if (line) { d.tension = 0.2; d.spanGaps = false; d.pointRadius = 4; }
        });
        const valueAxis = {
            beginAtZero: true,
            stacked,
            ticks: { callback: v => (money ? 'Rp ' : '') + compact.format(v), precision: 0 },
        };
        const labelAxis = { stacked, ticks: { autoSkip: false } };
        new Chart(canvas, {
            type: line ? 'line' : 'bar',
            data,
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                maintainAspectRatio: false,
                animation: still ? false : undefined,
                plugins: {
                    legend: { display: data.datasets.length > 1, position: 'bottom' },
                    tooltip: { callbacks: { label: c => c.dataset.label + ': ' + (money ? 'Rp ' : '') + whole.format(c.raw) } },
                },
                scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
            },
        });
    };

    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
        try { drawChart(canvas); } catch (e) { canvas.closest('.chart-box').hidden = true; }
    });

    // The map: a choropleth on a plain background (no tile server), five classes by people served.
    const map = document.getElementById('peta-dasbor');
    if (!map || !window.L) { return; }
    const figure = document.getElementById('peta-dasbor-gambar');
    const data = JSON.parse(map.dataset.figures);
    const counts = data.districts || {};
    const shades = ['#f1f8f3', '#c2e3cd', '#86c79f', '#3f9a66', '#137a3f', '#0b4a26'];
    const hiddenShade = '#d9d9d9';
    const shown = Object.values(counts).filter(v => v !== null && v > 0).sort((a, b) => a - b);
    const breaks = [];
    for (let i = 1; i < 5 && shown.length; i++) {
        const b = shown[Math.min(shown.length - 1, Math.floor(shown.length * i / 5))];
        if (!breaks.length || b > breaks[breaks.length - 1]) { breaks.push(b); }
    }
    const shadeOf = value => {
        if (value === null) { return hiddenShade; }
        if (!value) { return shades[0]; }
        let k = 0;
        while (k < breaks.length && value >= breaks[k]) { k++; }
        return shades[k + 1];
    };

    const legend = document.getElementById('peta-dasbor-legenda');
    const legendItem = (colour, text) => {
        const item = document.createElement('span');
        item.className = 'legend-item';
        const swatch = document.createElement('span');
        swatch.className = 'legend-swatch';
        swatch.style.backgroundColor = colour;
        swatch.setAttribute('aria-hidden', 'true');
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(text));
        legend.appendChild(item);
    };
    legendItem(shades[0], '0');
    const lows = [1].concat(breaks);
    lows.forEach((low, i) => {
        const high = i + 1 < lows.length ? lows[i + 1] - 1 : null;
        if (high !== null && high < low) { return; }
        legendItem(shades[i + 1], high === null ? '≥ ' + whole.format(low) : whole.format(low) + '–' + whole.format(high));
    });
    if (Object.values(counts).some(v => v === null)) { legendItem(hiddenShade, map.dataset.labelHidden); }

    const failed = () => {
        figure.hidden = true;
        document.getElementById('peta-dasbor-galat').hidden = false;
    };

    figure.hidden = false;
    const leaflet = L.map(map, {
        zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: false,
        fadeAnimation: !still, zoomAnimation: !still, markerZoomAnimation: !still,
    });
    L.control.attribution({ prefix: false }).addAttribution(map.dataset.attribution).addTo(leaflet);

    fetch(map.dataset.geojson)
        .then(response => {
            if (!response.ok) { throw new Error('HTTP ' + response.status); }
            return response.json();
        })
        .then(all => {
            const layer = L.geoJSON(all, {
                filter: feature => Object.prototype.hasOwnProperty.call(counts, feature.properties.code),
                style: feature => ({ color: '#4d4d4d', weight: 0.8, fillOpacity: 0.9, fillColor: shadeOf(counts[feature.properties.code]) }),
                onEachFeature: (feature, path) => {
                    const value = counts[feature.properties.code];
                    const text = feature.properties.name + ': ' + (value === null ? map.dataset.labelHidden : whole.format(value) + ' ' + map.dataset.labelPeople);
                    path.bindTooltip(text, { sticky: true });
                    path.bindPopup(text);
                },
            }).addTo(leaflet);
            if (layer.getLayers().length === 0) { failed(); return; }
            leaflet.fitBounds(layer.getBounds(), { padding: [8, 8] });
            map.dataset.ready = 'true';
        })
        .catch(failed);
})();
