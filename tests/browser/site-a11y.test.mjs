// The built site through Chromium's accessibility tree (CDP's Accessibility.getFullAXTree): what a
// screen reader navigates by holds the whole chosen method at load, not only what is near the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { browser, origin, useSite } from './site-helpers.mjs';

useSite();

/**
 * The headings, documents and Copy buttons of main that are rendered (not display: none; parts
 * skipped by content-visibility count as rendered, as checkVisibility() says by default), each
 * with whether the accessibility tree holds it (a node, not ignored, for its DOM node).
 */
async function inTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const count = await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-ax-probe]')) delete el.dataset.axProbe;
    const shown = [...document.querySelectorAll('main :is(h2, h3, pre, button.copy)')].filter((el) => el.checkVisibility());
    shown.forEach((el, i) => { el.dataset.axProbe = String(i); });
    return shown.length;
  });
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-ax-probe]' });
  const probes = [];
  for (const nodeId of nodeIds) {
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const attrs = Object.fromEntries(node.attributes.reduce((pairs, v, i, all) => (i % 2 ? pairs : [...pairs, [v, all[i + 1]]]), []));
    probes.push({ backend: node.backendNodeId, label: `${node.localName}${attrs.id ? `#${attrs.id}` : ''}${attrs['data-copy'] ? `[${attrs['data-copy']}]` : ''}${attrs['aria-labelledby'] ? `[${attrs['aria-labelledby']}]` : ''}` });
  }
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const held = new Set(nodes.filter((n) => !n.ignored && n.backendDOMNodeId).map((n) => n.backendDOMNodeId));
  await cdp.detach();
  assert.equal(probes.length, count);
  return probes.map((p) => ({ ...p, held: held.has(p.backend) }));
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  test(`at load the accessibility tree holds every heading, document and Copy button of the chosen method and way (${name})`, async () => {
    const { page, context } = await openPage(browser, `${origin}/`, { viewport });
    for (const way of [null, 'aws-cli']) {
      if (way) {
        await page.check(`[name="way-cross-account"][value="${way}"]`);
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      const probes = await inTree(page);
      const labels = probes.map((p) => p.label);
      // The chosen method's steps are there to be checked at all.
      if (!way) for (const n of [1, 2, 3, 4]) assert.ok(labels.includes(`h3#cross-account-step-${n}`), `${name} ${way}: step ${n} rendered`);
      assert.ok(labels.some((l) => l.startsWith('button')), `${name} ${way}: Copy buttons rendered`);
      if (way) assert.ok(labels.includes('pre[title-cross-account-aws-cli]'), `${name} ${way}: its script rendered`);
      const missing = probes.filter((p) => !p.held).map((p) => p.label);
      assert.deepEqual(missing, [], `${name}, way ${way ?? 'console'}: left out of the accessibility tree`);
    }
    await context.close();
  });
}

/** Records what the live regions of the page and of its open shadow roots say: each new text. */
async function listen(page) {
  await page.evaluate(() => {
    window.said = [];
    const roots = [document, ...[...document.querySelectorAll('*')].map((el) => el.shadowRoot).filter(Boolean)];
    for (const root of roots) {
      for (const region of root.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
        let last = region.textContent.trim();
        new MutationObserver(() => {
          const text = region.textContent.trim();
          if (text && text !== last && !region.hidden) window.said.push(text);
          last = text;
        }).observe(region, { childList: true, characterData: true, subtree: true });
      }
    }
  });
}
const said = (page) => page.evaluate(() => new Promise((resolve) => { setTimeout(() => resolve(window.said), 50); }));

test('a live region speaks once when readiness changes, and an error when it appears, not per keystroke', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await page.fill('[name="shippable-aws-account-id"]', '210987654321');
  await page.fill('[name="external-id"]', '57b3a1c2d4e5f60718293a4b');
  await listen(page);
  await page.type('[name="aws-account-id"]', '123456789012');
  assert.deepEqual(await said(page), ['3 of 3 values set: every document is ready.']);
  await page.fill('[name="aws-account-id"]', '');
  await page.type('[name="aws-account-id"]', '12345');
  await page.keyboard.press('Tab');
  const error = (await page.textContent('[data-error-for="aws-account-id"]')).trim();
  assert.ok(error, 'an error is shown');
  assert.deepEqual(await said(page), ['3 of 3 values set: every document is ready.',
    '2 of 3 values set: the documents show placeholders where the others go.', error]);
  await context.close();
});

test('the embed demo says once that the Role ARN is filled in, not per keystroke', async () => {
  const { page, context } = await openPage(browser, `${origin}/embed/demo.html`, { waitReady: false });
  await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
  await listen(page);
  await page.locator('ecs-integration-guide [name="aws-account-id"]').pressSequentially('123456789012');
  assert.equal(await page.inputValue('#role-arn'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.deepEqual(await said(page), ['Role ARN filled in from the guide.']);
  await context.close();
});

/** The accessibility tree's buttons and groups (role, name) of the page, shadow roots included. */
async function named(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '' }));
}

test('Copy and Download buttons name their document, and code blocks are groups carrying their name (page, element, embedding page)', async () => {
  for (const [path, copies] of [['/', null], ['/embedding.html', 8], ['/embed/demo.html', null]]) {
    const { page, context } = await openPage(browser, `${origin}${path}`, { waitReady: path !== '/embed/demo.html' });
    if (path === '/embed/demo.html') await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
    const nodes = await named(page);
    const buttons = nodes.filter((n) => n.role === 'button' && /^(Copy|Download)\b/.test(n.name));
    assert.ok(buttons.length >= (copies ?? 3), `${path}: buttons ${buttons.length}`);
    if (copies) assert.equal(buttons.filter((b) => b.name.startsWith('Copy')).length, copies, path);
    const bare = buttons.filter((b) => ['Copy', 'Download', 'Copied'].includes(b.name.trim()));
    assert.deepEqual(bare, [], `${path}: buttons named only for what they do`);
    if (path === '/') {
      const names = buttons.map((b) => b.name);
      assert.ok(names.includes('Copy Complete trust policy'), names.join(' | '));
    }
    // Every focusable code block is a group named for its document.
    const pres = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('*')].map((el) => el.shadowRoot).filter(Boolean)];
      return roots.flatMap((r) => [...r.querySelectorAll('pre[tabindex]')]).map((p) => p.getAttribute('role'));
    });
    assert.ok(pres.length > 0);
    assert.deepEqual(pres.filter((r) => r !== 'group'), [], `${path}: code blocks without role=group`);
    const groups = nodes.filter((n) => n.role === 'group' && n.name);
    if (path === '/') assert.ok(groups.some((g) => g.name === 'Complete trust policy'));
    if (copies) assert.equal(groups.filter((g) => / example$/.test(g.name) || g.name === 'Example').length, copies);
    await context.close();
  }
});

test('heading names carry no "#" from the anchor\'s generated content', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  const headings = (await named(page)).filter((n) => n.role === 'heading');
  assert.ok(headings.some((h) => h.name === 'Your values'), headings.map((h) => h.name).join(' | '));
  assert.deepEqual(headings.filter((h) => h.name.includes('#')).map((h) => h.name), []);
  await context.close();
});

test('print: dark on light with Dark chosen, the guide as first written printed open, no focus ring', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { colorScheme: 'dark' });
  await page.check('[name="theme"][value="dark"]');
  await page.focus('[data-document="cross-account-permissions-policy"] pre');
  await page.emulateMedia({ media: 'print' });
  const seen = await page.evaluate(() => {
    const luminance = (color) => {
      const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const main = document.querySelector('main');
    const pre = document.activeElement;
    const original = document.querySelector('[data-method="cross-account"] details.original:not([open]) .original-text');
    return {
      text: luminance(getComputedStyle(main).color),
      ground: luminance(getComputedStyle(document.body).backgroundColor),
      outline: getComputedStyle(pre).outlineStyle,
      focused: pre.tagName,
      original: original ? original.getBoundingClientRect().height : -1,
    };
  });
  assert.equal(seen.focused, 'PRE');
  assert.ok(seen.text < 0.3, `text luminance ${seen.text}`);
  assert.ok(seen.ground > 0.9, `background luminance ${seen.ground}`);
  assert.equal(seen.outline, 'none');
  assert.ok(seen.original > 0, `a collapsed original wording prints with its text (height ${seen.original})`);
  await context.close();
});
