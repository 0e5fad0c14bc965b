/* For browsers without JS modules (loaded `nomodule`): says why; see web/boot.js. ES3 for IE 8+. */
(function () {
  var ua = navigator.userAgent;
  var ie = /MSIE (\d+)|Trident\/.*rv:(\d+)/.exec(ua);
  var why = ie || document.documentMode ? 'ie' : 'modules';
  var kernel = '';
  var m;
  if (ie) kernel = 'Internet Explorer ' + (ie[1] || ie[2]) + (document.documentMode ? ' (document mode ' + document.documentMode + ')' : '');
  else if ((m = /Chrom(?:e|ium)\/(\d+)/.exec(ua))) kernel = 'Chromium ' + m[1];
  else if ((m = /Firefox\/(\d+)/.exec(ua))) kernel = 'Firefox ' + m[1];
  else if ((m = /Version\/(\d+(?:\.\d+)?).*Safari\//.exec(ua))) kernel = 'Safari ' + m[1];

  var host = document.getElementById('brand-self-check');
  if (host) host.innerHTML = '';
  var el = document.getElementById('bsc-unsupported');
  if (!el) return;
  var all = el.getElementsByTagName('*');
  var drop = [];
  var i, j;
  for (i = 0; i < all.length; i++) {
    var tags = all[i].getAttribute('data-why');
    if (tags) {
      var keep = false;
      tags = tags.split(' ');
      for (j = 0; j < tags.length; j++) if (tags[j] === why || (tags[j] === 'kernel' && kernel)) keep = true;
      if (keep) all[i].removeAttribute('hidden'); else drop.push(all[i]);
    }
    if (all[i].getAttribute('data-fill') === 'kernel') all[i].appendChild(document.createTextNode(kernel));
  }
  /* removed, not hidden: IE < 11 shows [hidden] */
  for (i = 0; i < drop.length; i++) if (drop[i].parentNode) drop[i].parentNode.removeChild(drop[i]);
  el.removeAttribute('hidden');
  el.className += ' is-shown';
  if (window.console && console.error) console.error('brand-self-check could not start' + (kernel ? ' in ' + kernel : '') + ': no JavaScript modules (' + why + ').');
})();
