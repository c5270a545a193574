// The print button of the receipt list (/kegiatan/{id}/tanda-terima).
document.querySelectorAll('[data-print]').forEach(function (button) {
    'use strict';
    button.addEventListener('click', function () { window.print(); });
});
