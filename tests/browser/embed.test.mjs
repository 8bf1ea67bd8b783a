// <ecs-integration-guide> in real headless Chromium: a hostile host with a strict CSP, two
// instances, attribute changes, locked fields, the event, removal and re-insertion, requests,
// globals, first paint, the demo settings page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, start, breakFirstFullBuild, DIST } from './harness.mjs';

const FIXTURES = new URL('../fixtures/embed-host/', import.meta.url).pathname;
const GOLDEN = new URL('../golden/', import.meta.url).pathname;
const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

let browser, server, origin;
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

async function open(path, options = {}) {
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

const inGuide = (page, id, selector) => page.locator(`#${id}`).locator(selector);
const outputText = (page, id, output) => inGuide(page, id, `[data-output="${output}"]`).textContent();
const goldenText = (name, file) => readFileSync(join(GOLDEN, name, file), 'utf8').replace(/\n$/, '');

/** Scrolls element `id` to its as-code section, which loads the full build, and waits for it. */
async function fullBuild(page, id) {
  await page.evaluate((id) => [...document.getElementById(id).shadowRoot.querySelectorAll('[data-output$="-cloudformation"]')]
    .find((el) => el.offsetParent)?.scrollIntoView(), id);
  await inGuide(page, id, '.guide.full-ready').waitFor({ state: 'attached' });
}

async function ready(page, count = 2) {
  await page.waitForFunction((n) => window.recorded?.events.length >= n
    || document.querySelectorAll('ecs-integration-guide').length === 0, count);
}

test('under hostile host CSS and a strict CSP the guide renders, works, and violates nothing', async () => {
  const { page, context, errors } = await open('/host/hostile.html');
  await ready(page);
  for (const selector of ['[data-output="cross-account-trust-policy"]', '[name="aws-account-id"]', 'h2', 'section[data-method="cross-account"]']) {
    assert.ok(await inGuide(page, 'first', selector).first().isVisible(), `${selector} is visible`);
  }
  const style = await inGuide(page, 'first', 'pre').first().evaluate((e) => ({ display: getComputedStyle(e).display, color: getComputedStyle(e).color }));
  assert.equal(style.display, 'block');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  // The host's own elements keep the host's CSS: the guide's CSS does not leak out.
  assert.equal(await page.$eval('#painted', (e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('1234-5678-9012');
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(await outputText(page, 'first', 'cross-account-trust-policy'), goldenText('aws', 'cross-account-trust-policy.json'));
  assert.deepEqual(await page.evaluate(() => window.recorded.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two elements on one page work independently', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  assert.equal(await inGuide(page, 'second', '[name="user-name"]').inputValue(), 'ci-user');
  await inGuide(page, 'second', '[name="role-name"]').fill('second-role');
  assert.equal(await inGuide(page, 'first', '[name="role-name"]').inputValue(), '');
  assert.deepEqual(await inGuide(page, 'first', '[data-input="role-name"]').evaluateAll((els) => [...new Set(els.map((e) => e.textContent))]),
    ['shippable-role-to-allow-ecs-access']);
  assert.deepEqual(await inGuide(page, 'second', '[data-input="role-name"]').evaluateAll((els) => [...new Set(els.filter((e) => e.checkVisibility()).map((e) => e.textContent))]),
    ['second-role']);
  // (The first element may also send one, when the full build arrives for it.)
  const events = await page.evaluate(() => window.recorded.events);
  assert.equal(events.filter((e) => e.id === 'second').at(-1).detail.inputs['role-name'].value, 'second-role');
  assert.ok(events.filter((e) => e.id === 'first').every((e) => e.detail.inputs['role-name'].value !== 'second-role'));
  await context.close();
});

test('method shows one method; attribute changes after creation take effect', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  const visible = (id, selector) => inGuide(page, id, selector).isVisible();
  assert.equal(await visible('first', 'section[data-method="cross-account"]'), true);
  assert.equal(await visible('first', 'section[data-method="account-keys"]'), false);
  assert.equal(await visible('first', 'fieldset[data-method="account-keys"]'), false);
  assert.equal(await visible('second', 'section[data-method="account-keys"]'), true);
  assert.equal(await visible('second', 'section[data-method="cross-account"]'), false);

  await page.$eval('#first', (e) => e.setAttribute('aws-account-id', '111122223333'));
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::111122223333:role/shippable-role-to-allow-ecs-access');
  await page.$eval('#first', (e) => e.setAttribute('partition', 'aws-us-gov'));
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws-us-gov:iam::111122223333:role/shippable-role-to-allow-ecs-access');
  await page.$eval('#first', (e) => e.removeAttribute('partition'));
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::111122223333:role/shippable-role-to-allow-ecs-access');
  await page.$eval('#first', (e) => e.setAttribute('external-id', 'changed-by-host'));
  assert.match(await outputText(page, 'first', 'cross-account-trust-policy'), /"sts:ExternalId": "changed-by-host"/);

  await page.$eval('#first', (e) => e.removeAttribute('method'));
  assert.equal(await visible('first', 'section[data-method="account-keys"]'), true);
  assert.equal(await visible('first', 'h1'), true);
  await page.$eval('#first', (e) => e.setAttribute('method', 'account-keys'));
  assert.equal(await visible('first', 'section[data-method="cross-account"]'), false);
  await context.close();
});

test('locked values are read-only facts supplied by the host', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  const field = inGuide(page, 'first', '[name="external-id"]');
  assert.equal(await field.getAttribute('readonly'), '');
  assert.equal(await field.isEditable(), false);
  assert.equal(await field.inputValue(), '57b3a1c2d4e5f60718293a4b');
  const described = await field.getAttribute('aria-describedby');
  assert.match(described, /^locked-external-id /);
  assert.equal(await inGuide(page, 'first', '#locked-external-id').textContent(), 'Provided by Shippable.');
  assert.equal(await inGuide(page, 'first', '[name="aws-account-id"]').isEditable(), true);
  await page.$eval('#first', (e) => e.setAttribute('locked', 'shippable-aws-account-id'));
  assert.equal(await field.isEditable(), true);
  assert.equal(await inGuide(page, 'first', '#locked-external-id').count(), 0);
  await context.close();
});

test('guide-change: bubbling, composed, with every output and input error', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  const initial = await page.evaluate(() => window.recorded.events.find((e) => e.id === 'first'));
  assert.equal(initial.bubbles, true);
  assert.equal(initial.composed, true);
  // First the small build's six documents…
  assert.deepEqual(Object.keys(initial.detail.outputs).sort(), ['account-keys-role-trust-policy', 'account-keys-user-policy',
    'cross-account-permissions-policy', 'cross-account-role-arn', 'cross-account-trust-policy', 'cross-account-trust-statement']);
  assert.equal(initial.detail.outputs['cross-account-role-arn'].complete, false);
  assert.equal(initial.detail.inputs['aws-account-id'].error.code, 'missing');
  assert.equal(initial.detail.outputs['cross-account-permissions-policy'].text, goldenText('aws', 'cross-account-permissions-policy.json'));

  const count = await page.evaluate(() => window.recorded.events.length);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('12345');
  let last = await page.evaluate(() => window.recorded.events.at(-1));
  assert.equal(last.detail.inputs['aws-account-id'].error.message, 'Your AWS account ID: an AWS account ID has 12 digits; this has 5.');
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  last = await page.evaluate(() => window.recorded.events.at(-1));
  assert.equal(last.detail.outputs['cross-account-role-arn'].text, 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(last.detail.outputs['cross-account-role-arn'].complete, true);
  assert.equal(last.detail.outputs['cross-account-trust-policy'].text, goldenText('aws', 'cross-account-trust-policy.json'));
  // A change that changes nothing sends nothing.
  const before = await page.evaluate(() => window.recorded.events.length);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('1234-5678-9012');
  assert.equal(await page.evaluate(() => window.recorded.events.length), before);
  assert.ok(before > count);
  // …then, once the reader nears the as-code sections, every output, with what was typed.
  await fullBuild(page, 'first');
  last = await page.evaluate(() => window.recorded.events.filter((e) => e.id === 'first').at(-1));
  assert.equal(Object.keys(last.detail.outputs).length, 16);
  assert.equal(await outputText(page, 'first', 'cross-account-cloudformation'), last.detail.outputs['cross-account-cloudformation'].text);
  assert.equal(last.detail.inputs['existing-trust-policy'].error, null);
  assert.match(last.detail.outputs['cross-account-verification'].text, /arn:aws:iam::123456789012:role\//);
  await context.close();
});

test('removed and inserted again, it keeps its values and stays live', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  await page.evaluate(() => { const e = document.getElementById('first'); e.remove(); document.body.prepend(e); });
  assert.equal(await inGuide(page, 'first', '[name="aws-account-id"]').inputValue(), '123456789012');
  await inGuide(page, 'first', '[name="role-name"]').fill('moved-role');
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/moved-role');
  const last = await page.evaluate(() => window.recorded.events.at(-1));
  assert.equal(last.id, 'first');
  // A new element created by script works too.
  await page.evaluate(() => {
    const e = document.createElement('ecs-integration-guide');
    e.id = 'third';
    e.setAttribute('aws-account-id', '999988887777');
    document.body.append(e);
  });
  await page.waitForFunction(() => window.recorded.events.some((e) => e.id === 'third'));
  assert.equal(await outputText(page, 'third', 'cross-account-role-arn'), 'arn:aws:iam::999988887777:role/shippable-role-to-allow-ecs-access');
  await context.close();
});

test('no request beyond its own module and .wasm, none off the origin, no typed value sent', async () => {
  const { page, context, requests } = await open('/host/hostile.html');
  await ready(page);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('444455556666');
  await inGuide(page, 'first', 'button[data-copy="output-cross-account-trust-policy"]').click();
  await fullBuild(page, 'first');
  await fullBuild(page, 'second');
  await page.waitForTimeout(100);
  const hostFiles = ['/host/hostile.html', '/host/hostile.css', '/host/record.js'];
  const others = requests.map((u) => new URL(u)).filter((u) => !hostFiles.includes(u.pathname));
  // The module, its .wasm, and the full build beside them, each fetched once for both elements.
  assert.deepEqual(others.map((u) => u.href).sort(), [`${origin}/embed/ecs-integration-guide.js`, `${origin}/embed/ecs_guide_bg.wasm`,
    `${origin}/embed/ecs_guide_full.js`, `${origin}/embed/ecs_guide_full_bg.wasm`]);
  for (const url of requests) assert.ok(!url.includes('444455556666'));
  await context.close();
});

test('the module carries the six documents, not the scripts and templates the full build fills in', () => {
  const module = readFileSync(join(DIST, 'embed', 'ecs-integration-guide.js'), 'utf8');
  // (Minified, the template is a string literal whose quotes need no escaping.)
  assert.ok(module.includes('data-output="cross-account-cloudformation" data-complete="false"></code>'));
  assert.ok(!module.includes('AWSTemplateFormatVersion'));
  assert.ok(!module.includes('#!/usr/bin/env bash'));
  assert.ok(module.includes('elasticloadbalancing:DeregisterInstancesFromLoadBalancer'));
});

test('page weight is a budget: the first load (module and .wasm) stays within 60 KB compressed (issue 4)', () => {
  const gzip = ['ecs-integration-guide.js', 'ecs_guide_bg.wasm']
    .reduce((n, file) => n + gzipSync(readFileSync(join(DIST, 'embed', file)), { level: 9 }).length, 0);
  assert.ok(gzip <= 60 * 1024, `embed first load ${gzip} B gzip, over 61440 B`);
});

test('served from any path, it finds its .wasm beside itself and adds no globals', async () => {
  const { page, context, requests } = await open('/host/blank.html');
  const result = await page.evaluate(async () => {
    const before = new Set(Object.getOwnPropertyNames(window));
    const module = await import('/deep/path/to/guide/ecs-integration-guide.js');
    await module.ready;
    const added = Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
    const guide = module.generate({ 'aws-account-id': '123456789012', partition: 'aws-cn' });
    const generateAll = await module.loadFull();
    const all = generateAll({ 'aws-account-id': '123456789012', partition: 'aws-cn' });
    const addedByFull = Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
    return { added, addedByFull, arn: guide.outputs['cross-account-role-arn'].text, outputs: Object.keys(guide.outputs).length,
      allOutputs: Object.keys(all.outputs).length, defined: Boolean(customElements.get('ecs-integration-guide')), exports: Object.keys(module).sort() };
  });
  assert.deepEqual(result.added, []);
  assert.deepEqual(result.addedByFull, []);
  assert.equal(result.arn, 'arn:aws-cn:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(result.outputs, 6);
  assert.equal(result.allOutputs, 16);
  assert.equal(result.defined, true);
  assert.deepEqual(result.exports, ['generate', 'initWith', 'loadFull', 'ready']);
  for (const file of ['ecs_guide_bg.wasm', 'ecs_guide_full.js', 'ecs_guide_full_bg.wasm']) {
    assert.ok(requests.includes(`${origin}/deep/path/to/guide/${file}`), requests.join('\n'));
  }
  await context.close();
});

test('it does not block the host first paint, even when its files are slow', async () => {
  const { page, context } = await open('/host/hostile.html', {
    before: (p) => p.route(/ecs-integration-guide\.js|ecs_guide_bg\.wasm/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    }),
  });
  const paint = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (fcp) resolve(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
  }));
  assert.ok(paint < 1000, `first contentful paint at ${paint} ms`);
  await ready(page);
  await context.close();
});

test('nothing is laid out before its first documents; a slow core shows the placeholders after a second (issue 13)', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, context, errors } = await open('/embed/demo.html', {
    before: async (p) => {
      // How the guide stands when the page's parsing is done (the element's module has run, its
      // .wasm is held back), and at its first guide-change.
      await p.addInitScript(() => {
        const look = () => {
          const el = document.querySelector('ecs-integration-guide');
          const guide = el.shadowRoot.querySelector('.guide');
          return {
            waiting: guide.classList.contains('waiting'), boxes: guide.getClientRects().length, live: el.guide !== null,
            // The demo gives Shippable's AWS account ID: in the trust policy once generated.
            generated: el.shadowRoot.querySelector('[data-output="cross-account-trust-policy"]').textContent.includes('210987654321'),
          };
        };
        window.look = look;
        document.addEventListener('DOMContentLoaded', () => { window.atParsed = look(); });
        document.addEventListener('guide-change', () => { window.atFirstChange ??= look(); });
      });
      await p.route(/ecs_guide_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    },
  });
  await page.waitForFunction(() => window.atParsed);
  // Hidden, so nothing of it is styled, laid out or painted while the core loads.
  assert.deepEqual(await page.evaluate(() => window.atParsed), { waiting: true, boxes: 0, live: false, generated: false });
  // A slow core: after a second the guide shows, with its placeholders.
  await page.waitForFunction(() => !window.look().waiting, null, { timeout: 5000 });
  const shown = await page.evaluate(() => window.look());
  assert.ok(shown.boxes > 0);
  assert.deepEqual({ ...shown, boxes: 1 }, { waiting: false, boxes: 1, live: false, generated: false });
  release();
  await page.waitForFunction(() => window.atFirstChange);
  const first = await page.evaluate(() => window.atFirstChange);
  assert.ok(first.boxes > 0);
  assert.deepEqual({ ...first, boxes: 1 }, { waiting: false, boxes: 1, live: true, generated: true });
  assert.deepEqual(errors, []);
  await context.close();

  // With the core in time, it shows in the task that writes its first documents.
  const again = await open('/embed/demo.html', {
    before: (p) => p.addInitScript(() => {
      document.addEventListener('guide-change', () => {
        const guide = document.querySelector('ecs-integration-guide').shadowRoot.querySelector('.guide');
        window.atFirstChange ??= { waiting: guide.classList.contains('waiting') };
      });
    }),
  });
  await again.page.waitForFunction(() => window.atFirstChange);
  assert.deepEqual(await again.page.evaluate(() => window.atFirstChange), { waiting: false });
  await again.context.close();
});

test('the demo settings page fills its Role ARN field from guide-change', async () => {
  const { page, context, errors } = await open('/embed/demo.html');
  await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
  assert.equal(await page.inputValue('#role-arn'), '');
  assert.equal(await page.isDisabled('#save'), true);
  await page.locator('ecs-integration-guide [name="aws-account-id"]').fill('1234-5678-9012');
  assert.equal(await page.inputValue('#role-arn'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(await page.isDisabled('#save'), false);
  await page.locator('ecs-integration-guide [name="role-name"]').fill('bad/name');
  assert.equal(await page.inputValue('#role-arn'), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no violations on the demo page, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open('/embed/demo.html', { colorScheme, bypassCSP: true });
    await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
    await page.locator('ecs-integration-guide [name="aws-account-id"]').fill('12345');
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(summary, [], `${colorScheme}: ${summary.join('\n')}`);
    await context.close();
  }
});

test('when the engine fails, every document is marked not ready with why, and the next change recovers (issue 12)', async () => {
  // The full build's LiveGuide throws (as a trap does) for the role name "trap-now", in the instance
  // first loaded only: a fresh instance (a module URL with a query) is the build as shipped.
  const { page, context, requests } = await open('/host/hostile.html', {
    before: (p) => breakFirstFullBuild(p, '/embed/ecs_guide_full.js'),
  });
  await ready(page);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  await fullBuild(page, 'first');
  const state = () => page.evaluate(() => [...document.getElementById('first').shadowRoot.querySelectorAll('[data-output]')]
    .map((el) => [el.dataset.output, el.dataset.complete,
      el.getRootNode().querySelector(`[data-status-for="${el.dataset.output}"]`)?.textContent]));
  assert.equal(await inGuide(page, 'first', '[data-output="cross-account-aws-cli"]').getAttribute('data-complete'), 'true');
  await inGuide(page, 'first', '[name="role-name"]').fill('trap-now');
  const failed = await state();
  assert.ok(failed.length >= 8, `${failed.length} outputs`);
  for (const [id, complete, status] of failed) {
    assert.equal(complete, 'false', id);
    if (status !== undefined) assert.equal(status, 'Not ready: the generator failed (unreachable). Change a value to restart it.', id);
  }
  const event = await page.evaluate(() => window.recorded.events.filter((e) => e.id === 'first').at(-1));
  assert.equal(event.detail.complete, false);
  for (const [id, output] of Object.entries(event.detail.outputs)) assert.equal(output.complete, false, id);
  // The next change: a fresh LiveGuide (the element's full build is one bundled module, imported
  // by a literal path a host's bundler sees), and the documents whole and ready again.
  await inGuide(page, 'first', '[name="role-name"]').fill('shippable-ecs');
  await inGuide(page, 'first', '[data-output="cross-account-aws-cli"][data-complete="true"]').waitFor({ state: 'attached' });
  assert.match(await outputText(page, 'first', 'cross-account-aws-cli'), /"RoleName": "shippable-ecs"/);
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/shippable-ecs');
  await context.close();
});

/** Creates an element on the blank host with `attributes`, waits for its first guide-change. */
async function createOn(page, attributes) {
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
const hostErrors = (page) => inGuide(page, 'made', '.host-errors:not([hidden]) p').allTextContents();

test('unknown attribute values are visible errors; partitions are case-insensitive like AWS (issue 12, item 7)', async () => {
  const { page, context } = await open('/host/blank.html');
  await createOn(page, { 'aws-account-id': '123456789012', partition: 'mars', method: 'cross-acount', locked: 'external-id nonsense' });
  assert.deepEqual(await hostErrors(page), [
    'The attribute method="cross-acount" is not a method: use cross-account or account-keys, or leave it out for both. Both are shown.',
    'The attribute locked names "nonsense", not an input key: use aws-account-id, shippable-aws-account-id, external-id, role-name, policy-name, user-name, user-policy-name, partition, hardened.',
    'The attribute partition="mars" is not a partition: use one of aws, aws-cn, aws-us-gov. The documents use the field\'s partition.',
  ]);
  assert.equal(await inGuide(page, 'made', '.host-errors').getAttribute('role'), 'alert');
  await page.$eval('#made', (e) => { e.partition = 'AWS-CN'; e.method = 'cross-account'; e.locked = 'external-id'; });
  assert.deepEqual(await hostErrors(page), []);
  assert.equal(await inGuide(page, 'made', '[name="partition"]').inputValue(), 'aws-cn');
  assert.equal(await outputText(page, 'made', 'cross-account-role-arn'), 'arn:aws-cn:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  await context.close();
});

test('hardened is an HTML boolean; every attribute has a camelCase property (issue 12 item 7, issue 13)', async () => {
  const { page, context } = await open('/host/blank.html');
  for (const value of ['', 'TRUE', '1', 'hardened']) {
    await createOn(page, { hardened: value });
    assert.equal(await inGuide(page, 'made', '[name="hardened"]').isChecked(), true, `hardened="${value}"`);
    await page.$eval('#made', (e) => e.remove());
  }
  await createOn(page, {});
  assert.equal(await inGuide(page, 'made', '[name="hardened"]').isChecked(), false);
  const seen = await page.$eval('#made', (e) => {
    e.hardened = true;
    e.awsAccountId = '111122223333';
    e.roleName = 'from-a-property';
    e.method = 'account-keys';
    return { hardened: e.getAttribute('hardened'), account: e.getAttribute('aws-account-id'), role: e.getAttribute('role-name'),
      method: e.getAttribute('method'), back: [e.hardened, e.awsAccountId, e.method] };
  });
  assert.deepEqual(seen, { hardened: '', account: '111122223333', role: 'from-a-property', method: 'account-keys',
    back: [true, '111122223333', 'account-keys'] });
  assert.equal(await inGuide(page, 'made', '[name="hardened"]').isChecked(), true);
  // account-keys, hardened, needs the AWS account ID: its field is in view there (issue 13, item 5).
  assert.equal(await inGuide(page, 'made', '[name="aws-account-id"]').isVisible(), true);
  assert.equal(await inGuide(page, 'made', '[name="external-id"]').isVisible(), false);
  await page.waitForFunction(() => document.getElementById('made').complete);
  assert.equal(await page.$eval('#made', (e) => e.value), 'shippable-user-to-allow-ecs-access');
  await context.close();
});

test('removing a host attribute removes what it put there, never what the reader typed (issue 12, item 7)', async () => {
  const { page, context } = await open('/host/blank.html');
  await createOn(page, { 'role-name': 'host-role', 'policy-name': 'host-policy' });
  await inGuide(page, 'made', '[name="role-name"]').fill('my-own-role');
  await page.$eval('#made', (e) => { e.removeAttribute('role-name'); e.removeAttribute('policy-name'); });
  assert.equal(await inGuide(page, 'made', '[name="role-name"]').inputValue(), 'my-own-role');
  assert.equal(await inGuide(page, 'made', '[name="policy-name"]').inputValue(), '');
  await context.close();
});

test('only the documented --ecs-guide-* properties theme it; a host rem does not size it (issue 12, item 9)', async () => {
  const { page, context } = await open('/host/private.html');
  await ready(page);
  const look = (id) => page.$eval(`#${id}`, (e) => {
    const pre = e.shadowRoot.querySelector('pre');
    const p = e.shadowRoot.querySelector('.guide p');
    return { text: getComputedStyle(p).color, size: parseFloat(getComputedStyle(p).fontSize), pre: getComputedStyle(pre).backgroundColor,
      preSize: parseFloat(getComputedStyle(pre).fontSize), mono: getComputedStyle(pre).fontFamily, host: getComputedStyle(e).backgroundColor };
  });
  const first = await look('first');
  assert.equal(first.size, 16);
  assert.ok(first.preSize >= 12, JSON.stringify(first));
  for (const key of ['text', 'pre', 'host']) assert.notEqual(first[key], 'rgb(255, 0, 0)', key);
  assert.doesNotMatch(first.mono, /fantasy/);
  const themed = await look('themed');
  assert.equal(themed.text, 'rgb(0, 0, 128)');
  assert.equal(themed.size, 20);
  await context.close();
});

test('under Trusted Types it renders through its named policy (issue 13)', async () => {
  const { page, context, errors } = await open('/host/trusted-types.html');
  await ready(page, 1);
  assert.equal(await inGuide(page, 'first', '[name="aws-account-id"]').isVisible(), true);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.deepEqual(await page.evaluate(() => window.recorded.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without \'wasm-unsafe-eval\' it says so, visibly (issue 13)', async () => {
  const { page, context } = await open('/host/no-wasm-eval.html');
  const message = inGuide(page, 'first', '.host-errors:not([hidden])');
  await message.waitFor();
  assert.match(await message.textContent(), /could not be compiled here.*'wasm-unsafe-eval'/);
  await context.close();
});

test('the server sends frame-ancestors as a header (issue 12, item 9)', async () => {
  const response = await fetch(`${origin}/embed/demo.html`);
  assert.match(response.headers.get('content-security-policy'), /frame-ancestors 'self'/);
});

test('form-associated: a disabled fieldset disables its fields; FormData has its value once complete (issue 13)', async () => {
  const { page, context } = await open('/host/blank.html');
  const seen = await page.evaluate(async () => {
    await (await import('/embed/ecs-integration-guide.js')).ready;
    document.body.insertAdjacentHTML('beforeend', '<form id="f"><fieldset id="group"><ecs-integration-guide name="arn" method="cross-account" aws-account-id="123456789012" shippable-aws-account-id="210987654321" external-id="57b3a1c2d4e5f60718293a4b"></ecs-integration-guide></fieldset></form>');
    const e = document.querySelector('#f ecs-integration-guide');
    const field = e.shadowRoot.querySelector('[name="role-name"]');
    const data = new FormData(document.getElementById('f')).get('arn');
    document.getElementById('group').disabled = true;
    const disabled = field.matches(':disabled');
    document.getElementById('group').disabled = false;
    return { data, disabled, enabled: field.matches(':disabled'), form: e.form?.id };
  });
  assert.deepEqual(seen, { data: 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access', disabled: true, enabled: false, form: 'f' });
  await context.close();
});
