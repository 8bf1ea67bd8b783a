// What the site's browser tests share: the browser and the served dist/, the golden cases, and
// doing what a reader does (revealing a part, typing a case's values, nearing the full build).
import { before, after } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { launch, start } from './harness.mjs';
import { INPUT_KEYS, PASTED_INPUT_KEYS, OUTPUT_IDS, EXTENSIONS } from '../../www/generated/facts.js';

export const GOLDEN = new URL('../golden/', import.meta.url).pathname;
export const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
export const extension = (id) => EXTENSIONS[id];
/** The typed values (not the pasted policies, not the Hardened switch). */
export const KEYS = INPUT_KEYS.filter((key) => !PASTED_INPUT_KEYS.includes(key) && key !== 'hardened');

export const golden = (name) => {
  const dir = join(GOLDEN, name);
  const outputs = {};
  for (const id of OUTPUT_IDS) {
    outputs[id] = readFileSync(join(dir, `${id}.${extension(id)}`), 'utf8').replace(/\n$/, '');
  }
  const status = readFileSync(join(dir, 'status.txt'), 'utf8');
  const complete = Object.fromEntries(OUTPUT_IDS.map((id) => [id, new RegExp(`^${id}: complete$`, 'm').test(status)]));
  const messages = {};
  for (const m of status.matchAll(/^([a-z-]+): \[([a-z-]+)\] (.*)$/gm)) messages[m[1]] = { code: m[2], message: m[3] };
  return { inputs: JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')), outputs, complete, messages };
};

export let browser, server, origin;
/** Launches the browser and serves dist/ for the test file that calls it; both end with it. */
export function useSite() {
  before(async () => {
    browser = await launch();
    ({ server, origin } = await start());
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}


/**
 * Makes an element visible the way a reader does: chooses its method and way, and opens the
 * collapsed parts around it (summaries clicked, outermost first).
 */
export async function reveal(page, selector) {
  if (await page.isVisible(selector)) return;
  const need = await page.$eval(selector, (el) => {
    const panel = el.closest('.way-panel');
    const doc = el.closest('[data-document]')?.dataset.document || '';
    const method = el.closest('section[data-method], fieldset[data-method="account-keys"], .names-and-options fieldset[data-method]')
      ?.dataset.method || null;
    let way = panel?.dataset.way || null;
    if (way === 'code') way = ['aws-cli', 'cloudformation', 'terraform'].find((w) => doc.endsWith(`-${w}`)) || 'aws-cli';
    for (const d of document.querySelectorAll('details[data-reveal]')) delete d.dataset.reveal;
    const closed = [];
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) if (!d.open) closed.unshift(d);
    closed.forEach((d, i) => { d.dataset.reveal = String(i); });
    return { method, way, closed: closed.length };
  });
  if (need.method) await page.check(`#method-${need.method}`);
  if (need.way) await page.check(`[name="way-${need.method || 'cross-account'}"][value="${need.way}"]`);
  for (let i = 0; i < need.closed; i++) await page.click(`details[data-reveal="${i}"] > summary`);
}

/** Types every input of a golden case the way a reader does. */
export async function typeInputs(page, inputs) {
  for (const key of KEYS) {
    await reveal(page, `[name="${key}"]`);
    const value = inputs[key] ?? '';
    if (key === 'partition') {
      const option = ['aws', 'aws-cn', 'aws-us-gov'].includes(value.trim().toLowerCase()) ? value.trim().toLowerCase() : 'aws';
      await page.selectOption('[name=partition]', option);
    } else {
      await page.fill(`[name="${key}"]`, '');
      if (value) await page.locator(`[name="${key}"]`).pressSequentially(value.length > 80 ? '' : value, { delay: 0 });
      if (value.length > 80) await page.fill(`[name="${key}"]`, value);
    }
  }
  // The switch is clicked; pasted policies are pasted (filled at once) into the cross-account method.
  await reveal(page, '[name="hardened"]');
  await page.setChecked('[name="hardened"]', inputs.hardened === 'true');
  await page.check('#method-cross-account');
  for (const key of ['existing-trust-policy', 'existing-permissions-policy']) {
    await reveal(page, `[name="${key}"]`);
    await page.fill(`[name="${key}"]`, inputs[key] ?? '');
  }
  // Pasting focused the policy fields, which loads the full build: every output is made from here.
  await page.waitForSelector('html.full-ready', { state: 'attached' });
}

/** Scrolls to the as-code sections, which loads the full build, and waits until it is in use. */
export async function fullBuild(page) {
  await reveal(page, '[data-output="cross-account-cloudformation"]');
  await page.locator('[data-output="cross-account-cloudformation"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('html.full-ready', { state: 'attached' });
}

export async function outputsOnPage(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const els = [...document.querySelectorAll(`[data-output="${id}"]`)];
    return [id, { count: els.length, text: els[0]?.textContent, complete: els[0]?.dataset.complete }];
  })), OUTPUT_IDS);
}

// ---- Issue 11: the reader's path, in figures ------------------------------------------------

export const THREE_IDS = { 'aws-account-id': '123456789012', 'shippable-aws-account-id': '210987654321', 'external-id': '57b3a1c2d4e5f60718293a4b' };

/**
 * The page's real height: scrolled through once as a reader does, so that every part far from
 * view (laid out only when near, content-visibility) has been laid out and keeps its size.
 */
export async function realHeight(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, 0);
    await frame();
    return document.documentElement.scrollHeight;
  });
}

export async function typeThreeIds(page) {
  for (const [key, value] of Object.entries(THREE_IDS)) await page.fill(`[name="${key}"]`, value);
}

/** The pages of a PDF in order, each with the number of text runs (BT…ET blocks) drawn on it. */
export function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) objects.set(m[1], { start: m.index + m[0].indexOf(m[2]), body: m[2] });
  const streamOf = (id) => {
    const object = objects.get(id);
    const at = object?.body.search(/stream\r?\n/);
    if (!object || at < 0) return '';
    const head = object.body.slice(0, at);
    const begin = object.start + at + object.body.slice(at).match(/stream\r?\n/)[0].length;
    const length = Number(head.match(/\/Length (\d+)/)?.[1]);
    const data = pdf.subarray(begin, begin + length);
    return (/FlateDecode/.test(head) ? inflateSync(data) : data).toString('latin1');
  };
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.body) && !/\/Parent/.test(o.body));
  const kids = [...root.body.match(/\/Kids \[([^\]]*)\]/)[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  return kids.map((id) => {
    const contents = objects.get(id).body.match(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/);
    const ids = contents[2] ? [contents[2]] : [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
    return { runs: ids.reduce((n, c) => n + (streamOf(c).match(/\bBT\b/g) || []).length, 0) };
  });
}
