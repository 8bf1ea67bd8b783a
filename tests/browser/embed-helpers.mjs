// What the embed's browser tests share: the browser and a host site serving dist/embed/ at two
// paths beside the host's pages, opening a host page, and reaching into an element's shadow root.
import { before, after } from 'node:test';
import { mkdtempSync, mkdirSync, symlinkSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, start, DIST } from './harness.mjs';

export const FIXTURES = new URL('../fixtures/embed-host/', import.meta.url).pathname;
export const GOLDEN = new URL('../golden/', import.meta.url).pathname;
export const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

export let browser, server, origin;
/** Launches the browser and serves the host site for the test file that calls it; both end with it. */
export function useHost() {
  before(async () => {
    // A host site: the embed folder served at two paths, beside the host's own pages.
    const root = mkdtempSync(join(tmpdir(), 'ecs-embed-host-'));
    symlinkSync(join(DIST, 'embed'), join(root, 'embed'));
    symlinkSync(FIXTURES, join(root, 'host'));
    writeFileSync(join(root, 'favicon.ico'), ''); // the browser asks for it; the host has one
    mkdirSync(join(root, 'deep/path/to'), { recursive: true });
    symlinkSync(join(DIST, 'embed'), join(root, 'deep/path/to/guide'));
    browser = await launch();
    ({ server, origin } = await start(root));
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

export async function open(path, options = {}) {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', bypassCSP: options.bypassCSP ?? false });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (options.before) await options.before(page);
  await page.goto(`${origin}${path}`);
  return { page, context, requests, errors };
}

export const inGuide = (page, id, selector) => page.locator(`#${id}`).locator(selector);
export const outputText = (page, id, output) => inGuide(page, id, `[data-output="${output}"]`).textContent();
export const goldenText = (name, file) => readFileSync(join(GOLDEN, name, file), 'utf8').replace(/\n$/, '');

/** Scrolls element `id` to its as-code section, which loads the full build, and waits for it. */
export async function fullBuild(page, id) {
  await page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('[data-output$="-cloudformation"]')]
    .find((el) => el.offsetParent)?.scrollIntoView(), id);
  await inGuide(page, id, '.guide.full-ready').waitFor({ state: 'attached' });
}

export async function ready(page, count = 2) {
  await page.waitForFunction((n) => window.recorded?.events.length >= n
    || document.querySelectorAll('ecs-integration-guide').length === 0, count);
}

/** Creates an element on the blank host with `attributes`, waits for its first guide-change. */
export async function createOn(page, attributes) {
  await page.evaluate(async (attributes) => {
    await import('/embed/ecs-integration-guide.js');
    const e = document.createElement('ecs-integration-guide');
    e.id = 'made';
    for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
    // Once the core is in, the first guide-change comes as it is connected.
    const changed = new Promise((resolve) => e.addEventListener('guide-change', resolve, { once: true }));
    document.body.append(e);
    await changed;
  }, attributes);
}
export const hostErrors = (page) => inGuide(page, 'made', '.host-errors:not([hidden]) p').allTextContents();
