// Progressive enhancement for the form page: conditional fields. (Validation as you type: issue 5.)
export const formScript = `
(function () {
  var form = document.querySelector('form[data-form]');
  if (!form) return;
  function update() {
    form.querySelectorAll('[data-show-when]').forEach(function (el) {
      var rule = el.getAttribute('data-show-when').split('=');
      var chosen = form.querySelector('input[name="' + rule[0] + '"]:checked');
      el.hidden = !(chosen && chosen.value === rule[1]);
    });
  }
  form.addEventListener('change', update);
  update();
})();
`;
