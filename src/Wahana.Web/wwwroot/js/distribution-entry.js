// The distribution form (/kegiatan/baru): counts the ticked recipients and previews the value, and keeps Enter in
// the name search from submitting the whole form. Everything it shows is checked again by the server on save.
(function () {
    'use strict';
    var form = document.getElementById('distribution-form');
    if (!form) {
        return;
    }
    var rupiah = new Intl.NumberFormat('id-ID');

    function ticked() {
        return form.querySelectorAll('input[name="Input.RecipientIds"]:checked').length;
    }

    function parseValue(text) {
        var digits = (text || '').replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s\u00a0]/g, '');
        return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
    }

    function update() {
        var count = ticked();
        form.querySelectorAll('.selected-count').forEach(function (el) { el.textContent = String(count); });
        var preview = document.getElementById('value-preview');
        if (!preview) {
            return;
        }
        var value = parseValue(form.querySelector('[name="Input.Value"]').value);
        var total = form.querySelector('#mode-total').checked;
        if (value === null || count === 0) {
            preview.textContent = '';
            return;
        }
        if (!total) {
            preview.textContent = count + ' orang × Rp ' + rupiah.format(value) + ' = Rp ' + rupiah.format(value * count);
        } else if (value % count === 0) {
            preview.textContent = 'Rp ' + rupiah.format(value) + ' dibagi ' + count + ' orang = Rp ' + rupiah.format(value / count) + ' per orang';
        } else {
            preview.textContent = 'Rp ' + rupiah.format(value) + ' tidak habis dibagi ' + count + ' orang; isi nilai per orang, atau ubah totalnya.';
        }
    }

    form.addEventListener('change', update);
    form.addEventListener('input', function (event) {
        if (event.target && event.target.name === 'Input.Value') {
            update();
        }
    });
    form.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && event.target && event.target.id === 'cari') {
            event.preventDefault();
        }
    });
    document.body.addEventListener('htmx:afterSwap', update);
    update();
}());
