// Shows only the scope field that the chosen role needs (the server checks it either way).
(function () {
    const select = document.querySelector('[data-role-select]');
    if (!select) { return; }
    const update = () => {
        document.querySelectorAll('[data-scope]').forEach(field => {
            field.hidden = !field.dataset.scope.split(' ').includes(select.value);
        });
    };
    select.addEventListener('change', update);
    update();
})();
