// The beneficiary entry form (/penerima/baru, /penerima/{id}/ubah):
// - when the NIK check (htmx) finds a valid NIK, fill sex and birth date from it (the user may still change them);
// - "Belum punya NIK" shows the reason field and sets the NIK field aside;
// - consent by a parent or guardian shows the field for their name.
(function () {
    const form = document.getElementById('beneficiary-form');
    if (!form) { return; }

    document.body.addEventListener('htmx:afterSwap', event => {
        if (event.detail.target.id !== 'nik-feedback') { return; }
        const facts = event.detail.target.querySelector('[data-nik-sex]');
        if (!facts) { return; }
        const sex = form.querySelector(`input[name="Input.Sex"][value="${facts.dataset.nikSex}"]`);
        if (sex) { sex.checked = true; }
        const birthDate = document.getElementById('Input_BirthDate');
        if (birthDate) { birthDate.value = facts.dataset.nikBirthDate; }
    });

    const noNik = document.getElementById('Input_NoNik');
    const nik = document.getElementById('Input_Nik');
    const reason = document.getElementById('no-nik-reason');
    if (noNik && nik && reason) {
        const syncNik = () => {
            reason.hidden = !noNik.checked;
            nik.disabled = noNik.checked;
            if (noNik.checked) { document.getElementById('nik-feedback').replaceChildren(); }
        };
        noNik.addEventListener('change', syncNik);
        syncNik();
    }

    const guardian = document.getElementById('guardian');
    const byGuardian = document.getElementById('consent-guardian');
    if (guardian && byGuardian) {
        const syncGuardian = () => { guardian.hidden = !byGuardian.checked; };
        form.querySelectorAll('input[name="Input.ConsentByGuardian"]').forEach(radio => radio.addEventListener('change', syncGuardian));
        syncGuardian();
    }
})();
