// Renders the app's PNG icons (for the web app manifest and iOS) from its SVGs with Debian's
// Chromium: pwa/icons/icon-192.png and icon-512.png from style/icon.svg, and
// maskable-192.png and maskable-512.png from pwa/maskable.svg (full bleed, the mark inside the 80% safe
// zone). The PNGs are committed; run this after changing an SVG.
//
//   node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/chromium.mjs';

const ICONS = [
  ['style/icon.svg', 192, 'pwa/icons/icon-192.png'],
  ['style/icon.svg', 512, 'pwa/icons/icon-512.png'],
  ['pwa/maskable.svg', 192, 'pwa/icons/maskable-192.png'],
  ['pwa/maskable.svg', 512, 'pwa/icons/maskable-512.png'],
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (const [svg, size, png] of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const source = readFileSync(svg, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${source}`);
  await page.screenshot({ path: png, omitBackground: true });
  await page.close();
  console.log(`${png}: ${size}x${size}`);
}
await browser.close();
