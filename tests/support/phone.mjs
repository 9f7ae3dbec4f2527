// The throttled phone the benchmarks measure on (scripts/first-content.mjs, benches/startup/
// phone.mjs): one definition, so their figures stay comparable.

/** A slow mobile network (150 ms latency, 400 KB/s down and up) and a 4x slower CPU. */
export const PHONE = { latency: 150, throughput: 400 * 1024, cpu: 4 };

/** Applies PHONE to a page through its CDP session (`context.newCDPSession(page)`). */
export async function throttleLikeAPhone(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latency,
    downloadThroughput: PHONE.throughput,
    uploadThroughput: PHONE.throughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
}

/** The median of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
