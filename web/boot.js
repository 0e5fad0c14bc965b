// The widget's loader (template; scripts/postbuild.mjs fills in the file names and the feature
// probes and writes it into the build as boot-<hash>.js, followed by web/sw-client.js).
// - No top-level await and nothing newer than the browsers the widget supports (Chromium 86 …).
// - Before downloading anything it checks that this browser can run the build's WebAssembly: the
//   features the module uses (each probed with a minimal module: WebAssembly.validate is not
//   subject to a CSP) and that the page's Content-Security-Policy lets WebAssembly compile (a
//   valid empty module that will not compile can only mean the embedder forbids it).
// - When it cannot start, the #bsc-unsupported message in index.html says why: its paragraphs are
//   tagged data-why="<reason> …"; the others are removed. The operator gets the details in the
//   console.
var WASM = '__WASM__';
var BINDINGS = '__BINDINGS__';
// The WebAssembly features the module uses beyond WebAssembly 1.0 (detected in the build), each
// with the oldest engines that have it and a minimal module that needs it.
var FEATURES = __FEATURES__;

/** The browser's engine and major version, as far as its user agent tells: "Chromium 90". */
function kernel() {
  var ua = navigator.userAgent;
  var m = /Edge\/(\d+)/.exec(ua);
  if (m) return 'EdgeHTML ' + m[1];
  if ((m = /Chrom(?:e|ium)\/(\d+)/.exec(ua))) return 'Chromium ' + m[1];
  if ((m = /Firefox\/(\d+)/.exec(ua))) return 'Firefox ' + m[1];
  if ((m = /Version\/(\d+(?:\.\d+)?).*Safari\//.exec(ua))) return 'Safari ' + m[1];
  return '';
}

/** Shows the message for `why`, with `fill` for its [data-fill] slots, and tells the operator. */
function unsupported(why, fill, operator) {
  var el = document.getElementById('bsc-unsupported');
  var k = kernel();
  fill = fill || {};
  fill.kernel = k;
  if (el) {
    var parts = el.querySelectorAll('[data-why]');
    for (var i = 0; i < parts.length; i++) {
      var whys = parts[i].getAttribute('data-why').split(' ');
      if (whys.indexOf(why) < 0 && !(k && whys.indexOf('kernel') >= 0)) parts[i].parentNode.removeChild(parts[i]);
      else parts[i].hidden = false;
    }
    var slots = el.querySelectorAll('[data-fill]');
    for (var j = 0; j < slots.length; j++) slots[j].textContent = fill[slots[j].getAttribute('data-fill')] || '';
    el.hidden = false;
    el.className += ' is-shown';
  }
  // The prerendered first screen would only look usable.
  var host = document.getElementById('brand-self-check');
  if (host) host.innerHTML = '';
  console.error('brand-self-check could not start' + (k ? ' in ' + k : '') + ': ' + operator);
}

function bytes(list) { return new Uint8Array(list); }

/** Why this browser cannot run the build, before fetching it: a reason, or null. */
function check() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function' || typeof WebAssembly.validate !== 'function') {
    unsupported('wasm', {}, 'WebAssembly is not available (an old browser, or turned off by a setting or policy).');
    return true;
  }
  var missing = [];
  for (var i = 0; i < FEATURES.length; i++) {
    if (!WebAssembly.validate(bytes(FEATURES[i].probe))) missing.push(FEATURES[i]);
  }
  if (missing.length) {
    var names = missing.map(function (f) { return f.name; }).join(', ');
    unsupported('features', { missing: names }, 'this engine lacks the WebAssembly features ' + names +
      ' that the build uses (' + missing.map(function (f) { return f.name + ': ' + f.since; }).join('; ') + ').');
    return true;
  }
  try {
    // The empty module: valid everywhere; only an embedder's ban (a CSP) stops it compiling.
    new WebAssembly.Module(bytes([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (e) {
    var m = /Chromium (\d+)/.exec(kernel());
    var old = m && Number(m[1]) < 97;
    unsupported(old ? 'csp-old' : 'csp', {},
      "this page's Content-Security-Policy does not let WebAssembly compile (" + (e && e.message) + '). ' +
      "script-src needs 'wasm-unsafe-eval' (Chromium 97+, Firefox 102+, Safari 16+)" +
      (old ? "; this browser predates it and needs 'unsafe-eval' instead: script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'" : '') +
      '. See "Hosting" in the README.');
    return true;
  }
  return false;
}

// A choice made on the prerendered first screen before the app runs is not lost: it is written on
// the host element as the attribute the app reads when it mounts (data-standard, data-lang).
var early = document.getElementById('brand-self-check');
if (early) {
  var record = function (t) {
    if (early.hasAttribute('data-mounted') || !t) return;
    var m = t.id && /^bsc-standard-(.+)$/.exec(t.id);
    if (m) early.setAttribute('data-standard', m[1]);
    var label = t.name === 'bsc-lang' && t.closest && t.closest('label');
    if (label && label.getAttribute('lang')) early.setAttribute('data-lang', label.getAttribute('lang'));
  };
  early.addEventListener('change', function (e) { record(e.target); });
  // This script is deferred: the page may have been painted and a choice made before it ran (seen
  // in `make bench`: a card clicked 19 ms before this listener existed). A radio checked now that
  // the HTML did not check is such a choice.
  var inputs = early.querySelectorAll('input[type=radio]');
  for (var r = 0; r < inputs.length; r++) {
    if (inputs[r].checked && !inputs[r].defaultChecked) record(inputs[r]);
  }
}

if (!check()) {
  // The first screen is already in the HTML: let it paint, then fetch the wasm and its bindings
  // (in parallel) and start, so the downloads never compete with the first paint. The timer
  // covers a tab in the background (which does not paint) and browsers without paint timing.
  var started = false;
  var go = function () {
    if (started) return;
    started = true;
    var wasm = fetch(WASM);
    import(BINDINGS).then(function (bindings) {
      return bindings.default({ module_or_path: wasm }).then(function (instance) {
        window.wasmBindings = bindings;
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
      });
    }).catch(function (e) {
      unsupported('start', { detail: String((e && e.message) || e) },
        'loading or starting the module failed: ' + ((e && e.stack) || e));
    });
  };
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); go(); }
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* no paint timing: the timer starts it */ }
  setTimeout(go, 1000);
}
