// <ecs-integration-guide> in real headless Chromium, as a host serves it: requests, weight, any
// path, first paint, Trusted Types and CSP, frame-ancestors, the demo settings page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';
import { origin, useHost, AXE, open, inGuide, outputText, fullBuild, ready } from './embed-helpers.mjs';

useHost();

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

test('every import() in the built modules is of a literal path, for a bundler\'s static analysis (issue 21)', () => {
  for (const file of ['ecs-integration-guide.js', 'generate.js', 'ecs_guide_full.js']) {
    const module = readFileSync(join(DIST, 'embed', file), 'utf8');
    const imports = module.match(/\bimport\s*\([^)]*\)/g) ?? [];
    assert.deepEqual(imports.filter((call) => !/^import\s*\(\s*(["'])\.\/[\w.-]+\1\s*\)$/.test(call)), [], file);
  }
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
