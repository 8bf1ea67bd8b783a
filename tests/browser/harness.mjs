// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, the built dist/
// served on loopback, and every request the page makes recorded.
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/** Serves `dir` on a free loopback port; returns { server, origin }. */
export async function start(dir = DIST) {
  const server = await serve(dir, 0);
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** A new page that records every request's URL and post data. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  if (options.clipboard) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  }
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), postData: r.postData() }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(new Error(m.text())); });
  await page.goto(url);
  if (options.javaScriptEnabled !== false && options.waitReady !== false) {
    await page.waitForSelector('html.js-ready');
  }
  return { page, context, requests, errors };
}

/**
 * Makes the full build's LiveGuide throw (as a trap does: WebAssembly.RuntimeError) whenever the
 * role name is "trap-now", in the module first loaded from `path` (the end of the page's or the
 * element's glue URL) only: loaded with a query (the page's fresh instance) it is the build as shipped.
 */
export async function breakFirstFullBuild(page, path) {
  await page.route((url) => url.pathname.endsWith(path) && !url.search, async (route) => {
    // A module in its place that re-exports the real one (loaded with a query, so not
    // intercepted), with a LiveGuide whose update throws as a trap does.
    await route.fulfill({
      contentType: 'text/javascript',
      body: `import init, * as real from './ecs_guide_full.js?real';
export * from './ecs_guide_full.js?real';
export default init;
export class LiveGuide extends real.LiveGuide {
  update(inputs) {
    if (inputs['role-name'] === 'trap-now') throw new WebAssembly.RuntimeError('unreachable');
    return super.update(inputs);
  }
}`,
    });
  });
}
