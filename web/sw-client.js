// Registers the service worker and tells the widget when an update is ready. Appended to the
// boot module by scripts/postbuild.mjs. The widget shows the prompt; when the user accepts, it
// dispatches `bsc-apply-update` on window, the waiting worker takes over and the page reloads.
// Saved answers live in localStorage, which an update does not touch.
(function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  let waiting = null;
  let applying = false;
  const announce = (worker) => {
    waiting = worker;
    window.__bscUpdateReady = true;
    window.dispatchEvent(new Event('bsc-update-ready'));
  };
  navigator.serviceWorker.register('./sw.js', { scope: './' }).then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    });
    // Look for a new version when the tab comes back, and hourly while it stays open.
    document.addEventListener('visibilitychange', () => { if (!document.hidden) reg.update().catch(() => {}); });
    setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
  }).catch((err) => console.warn('brand-self-check: offline support unavailable:', err && err.message));
  window.addEventListener('bsc-apply-update', () => {
    if (!waiting) return;
    applying = true;
    waiting.postMessage({ type: 'bsc-skip-waiting' });
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying) window.location.reload();
  });
})();
