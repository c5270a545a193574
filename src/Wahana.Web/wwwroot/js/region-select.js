// Cascading region selects: when a higher level changes, the levels below it are emptied until htmx
// brings their new options.
(function () {
    const order = ['regency', 'district', 'village'];
    document.querySelectorAll('[data-region-level]').forEach(select => {
        select.addEventListener('change', () => {
            const level = order.indexOf(select.dataset.regionLevel);
            order.slice(level + 2).forEach(lower => {
                const target = document.querySelector(`[data-region-level="${lower}"]`);
                if (target) { target.length = 1; }
            });
        });
    });
})();
