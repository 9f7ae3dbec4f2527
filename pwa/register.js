// Offline: registers the service worker (not from file://, where there is none), and says when
// a new version is ready ("Reload") and, after it has loaded, that it did ("Updated").
// Every page loads it (index.html, deferred); scripts/service-worker.mjs writes sw.js.
(() => {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const base = new URL(document.baseURI).pathname;
  const buildKey = `interview-prep@${base}:build`;
  const notice = (text, action, onAction) => {
    document.querySelector('.update-notice')?.remove();
    const box = document.createElement('div');
    box.className = 'update-notice';
    box.setAttribute('role', 'status');
    const message = document.createElement('p');
    message.textContent = text;
    box.append(message);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action;
    button.addEventListener('click', () => (onAction ? onAction() : box.remove()));
    box.append(button);
    document.body.append(box);
  };
  addEventListener('DOMContentLoaded', () => {
    // This page's build, named by its hashed wasm file (Trunk's preload, later in <head>).
    const build = document.querySelector('link[rel="preload"][as="fetch"]')?.getAttribute('href');
    try {
      // Only a page the service worker serves can have been updated by it (and tests that
      // block service workers find no key of it).
      if (!navigator.serviceWorker.controller) return;
      const seen = localStorage.getItem(buildKey);
      if (build && seen !== build) {
        localStorage.setItem(buildKey, build);
        if (seen) notice('Updated to the latest version.', 'OK');
      }
    } catch {}
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  const offer = (worker) =>
    notice('A new version is ready.', 'Reload', () => {
      reloading = true;
      worker.postMessage('skip-waiting');
    });
  addEventListener('load', async () => {
    try {
      const registration = await navigator.serviceWorker.register('sw.js', { scope: './' });
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    } catch {}
  });
})();
