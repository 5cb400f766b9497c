// Small conveniences of the admin console; every page also works without scripts.
(function () {
  // Filters apply as soon as one is chosen.
  document.addEventListener('change', function (event) {
    var select = event.target;
    if (select.classList && select.classList.contains('autosubmit') && select.form) { select.form.requestSubmit(); }
  });

  // Switching strategy shows its fields at once; the others stay in the form, so nothing typed is lost.
  function showStrategy(select) {
    document.querySelectorAll('.strategy-fields').forEach(function (part) {
      part.hidden = part.getAttribute('data-strategy').split(' ').indexOf(select.value) < 0;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.no-js').forEach(function (button) { button.hidden = true; });
    var strategy = document.querySelector('select.strategy-select');
    if (strategy) { strategy.addEventListener('change', function () { showStrategy(strategy); }); }
  });
})();
