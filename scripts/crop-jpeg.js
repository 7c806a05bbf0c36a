#!/usr/bin/env node
// Crop a screenshot and write it as a small JPEG, without ImageMagick: headless Chromium (playwright-core)
// shows the PNG as a data-URL <img> and screenshots the clip as JPEG.
//   node scripts/crop-jpeg.js IN.png OUT.jpg X,Y,W,H [--quality 50] [--scale 1]
// X,Y,W,H in the input's own pixels; --scale shrinks (e.g. 0.8) before the JPEG is written. An OUT ending in
// .png writes a PNG instead (e.g. to look at a JPEG with a viewer that shows PNG only).
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [input, output, rect, ...rest] = process.argv.slice(2);
  if (!input || !output || !rect) { throw new Error('usage: crop-jpeg.js IN.png OUT.jpg X,Y,W,H [--quality N] [--scale F]'); }
  const flag = (name, dflt) => { const i = rest.indexOf(`--${name}`); return i >= 0 ? Number(rest[i + 1]) : dflt; };
  const quality = flag('quality', 50);
  const scale = flag('scale', 1);
  const [x, y, w, h] = rect.split(',').map(Number);
  const mime = /\.jpe?g$/i.test(input) ? 'image/jpeg' : 'image/png';
  const data = `data:${mime};base64,${fs.readFileSync(input).toString('base64')}`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: Math.ceil(w * scale), height: Math.ceil(h * scale) } });
    // The image is shifted so that the clip starts at the page's origin, and scaled as a whole.
    await page.setContent(`<html><body style="margin:0;overflow:hidden"><div id="c" style="width:${w * scale}px;height:${h * scale}px;overflow:hidden;position:relative">` +
      `<img id="i" style="position:absolute;left:${-x * scale}px;top:${-y * scale}px;transform-origin:0 0"></div></body></html>`);
    await page.evaluate(async ({ src, scale: s }) => {
      const img = globalThis.document.getElementById('i'); // runs in the page
      img.src = src;
      await img.decode();
      img.style.width = `${img.naturalWidth * s}px`;
    }, { src: data, scale });
    const png = /\.png$/i.test(output);
    await page.locator('#c').screenshot({ path: path.resolve(output), ...(png ? { type: 'png' } : { type: 'jpeg', quality }) });
  } finally {
    await browser.close();
  }
  console.log(`${output}: ${fs.statSync(output).size} bytes`);
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
