/* Runs only in browsers without JavaScript modules (the page loads it with `nomodule`): the
   widget cannot start there, so show the message instead of a blank page. ES3 on purpose. */
(function () {
  var el = document.getElementById('bsc-unsupported');
  var host = document.getElementById('brand-self-check');
  if (host) host.innerHTML = ''; /* the prerendered first screen would only look usable */
  if (!el) return;
  el.removeAttribute('hidden');
  el.className += ' is-shown';
})();
