// How this project runs Chromium, shared by the browser tests and the benchmarks: Debian's
// Chromium (never a downloaded browser), headless, as root, on a machine whose network reaches
// only package registries (/work/shared/TOOLCHAIN.md), and how a benchmark closes it on Ctrl+C.

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium floods the closed network with refused connections.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * On SIGINT or SIGTERM, runs `shutdown` (closing the browser and servers, which are launched
 * with `handleSIGINT: false, handleSIGTERM: false`) and exits with 130. Returns a function that
 * says whether that happened, so the run's own error path can stay quiet about it.
 */
export function closeOnInterrupt(shutdown, what = 'the browser and servers') {
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: closing ${what}`);
      shutdown().finally(() => process.exit(130));
    });
  }
  return () => interrupted;
}
