/*! Brand Self-Check embed kit — no dependencies. Include it next to a placeholder:
 *
 *   <div data-brand-self-check-embed data-standard="enterprise" data-lang="zh-CN"
 *        data-theme="#b22222" data-header="false" data-results></div>
 *   <script src="https://WIDGET-HOST/PATH/embed.js" defer></script>
 *
 * It creates an iframe to the widget (by default the folder embed.js is served from; or
 * data-src), keeps the iframe as tall as its content, and re-emits the widget's events as DOM
 * CustomEvents on the placeholder: bsc:ready, bsc:progress {answered, total, standard},
 * bsc:completed {score, tier, provisional, standard, version} (only with data-results, and only
 * if the widget's operator lists this page's origin in embed-origins.json).
 * Messages are accepted only from the widget's own frame and origin.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var home = script && script.src ? new URL('./', script.src).href : null;
  var EVENTS = { ready: 1, progress: 1, completed: 1 };

  function embed(el) {
    if (el.getAttribute('data-brand-self-check-mounted') !== null) return;
    el.setAttribute('data-brand-self-check-mounted', '');
    var src;
    try { src = new URL(el.getAttribute('data-src') || home, document.baseURI); } catch (e) { src = null; }
    if (!src || !/^https?:$/.test(src.protocol)) {
      console.warn('brand-self-check embed: no valid widget address (data-src)');
      return;
    }
    var q = src.searchParams;
    q.set('embed', '1');
    q.set('parent', window.location.origin);
    ['standard', 'lang', 'theme'].forEach(function (k) {
      var v = el.getAttribute('data-' + k);
      if (v) q.set(k, v);
    });
    if (el.getAttribute('data-header') === 'false') q.set('header', '0');
    if (el.hasAttribute('data-results')) q.set('results', '1');

    var frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = el.getAttribute('data-title') || '品牌自评 · Brand Self-Check';
    frame.setAttribute('loading', 'lazy');
    // Sizes via the CSSOM, which a host's strict style-src allows (a style attribute would not).
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = (el.getAttribute('data-initial-height') || '720') + 'px';
    el.appendChild(frame);

    window.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
      var d = event.data;
      if (!d || d.source !== 'brand-self-check' || typeof d.type !== 'string') return;
      if (d.type === 'resize') {
        var h = d.detail && d.detail.height;
        if (typeof h === 'number' && h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
      } else if (EVENTS[d.type]) {
        el.dispatchEvent(new CustomEvent('bsc:' + d.type, { detail: d.detail || {}, bubbles: true }));
      }
    });
    frame.addEventListener('load', function () {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'ping' }, src.origin);
    });
  }

  function scan() {
    var all = document.querySelectorAll('[data-brand-self-check-embed]');
    for (var i = 0; i < all.length; i++) embed(all[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
