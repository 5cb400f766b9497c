// Small behaviours of the web chat; everything also works without scripts.
(function () {
  function messages() { return document.getElementById('messages'); }

  function scrollToEnd() {
    var list = messages();
    if (list) { list.lastElementChild && list.lastElementChild.scrollIntoView({block: 'end'}); }
  }

  // The poller and a sent message may bring the same message twice: keep the first.
  function dedupe() {
    var seen = {};
    var list = messages();
    if (!list) { return; }
    Array.prototype.slice.call(list.querySelectorAll('li[data-id]')).forEach(function (li) {
      var id = li.getAttribute('data-id');
      if (seen[id]) { li.remove(); } else { seen[id] = true; }
    });
  }

  document.addEventListener('DOMContentLoaded', scrollToEnd);
  document.addEventListener('htmx:afterSwap', function () { dedupe(); scrollToEnd(); });
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.target.closest && event.target.closest('form.composer');
    if (form && event.detail.successful) { form.reset(); form.querySelector('input[name=message]').focus(); }
  });
})();
