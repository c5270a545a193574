// The print buttons of printable reports (/laporan/rekap and the semester report).
document.querySelectorAll('[data-print]').forEach(function (button) {
    'use strict';
    button.addEventListener('click', function () { window.print(); });
});
