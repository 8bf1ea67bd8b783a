// The built site in real headless Chromium: layout stability, phones, print, the reader's path in
// figures (issue 11) and the docs-site basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { browser, origin, useSite, golden, typeInputs, realHeight, typeThreeIds, pdfPages } from './site-helpers.mjs';

useSite();

test('no layout shift when the live page takes over', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 100);
  }));
  assert.equal(shift, 0);
  await context.close();
});

test('usable on a 360-pixel-wide phone: nothing wider than the screen', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { viewport: { width: 360, height: 740 } });
  await typeInputs(page, golden('maximum-lengths').inputs);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await context.close();
});

test('printing shows the filled-in documents and hides the controls', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeInputs(page, golden('aws').inputs);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('button.copy'), false);
  assert.equal(await page.isVisible('.toc'), false);
  assert.equal(await page.isVisible('[data-output="cross-account-trust-policy"]'), true);
  assert.equal(await page.$eval('[data-output="cross-account-trust-policy"]', (e) => getComputedStyle(e).whiteSpace), 'pre-wrap');
  assert.match(await page.textContent('[data-output="cross-account-trust-policy"]'), /210987654321/);
  const pdf = await page.pdf();
  assert.ok(pdf.length > 10_000);
  await context.close();
});

test('1280×900 with the three IDs typed: at most 8 viewports, step 1 within 1.6, the three documents complete with no click', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeThreeIds(page);
  const height = await realHeight(page);
  const figures = await page.evaluate((height) => ({
    height,
    step1: document.getElementById('cross-account-step-1').getBoundingClientRect().top + scrollY,
  }), height);
  assert.ok(figures.height <= 8 * 900, `the page is ${figures.height} px, ${(figures.height / 900).toFixed(2)} viewports`);
  assert.ok(figures.step1 <= 1.6 * 900, `step 1 starts at ${figures.step1} px, ${(figures.step1 / 900).toFixed(2)} viewports`);
  for (const id of ['cross-account-permissions-policy', 'cross-account-trust-policy', 'cross-account-role-arn']) {
    assert.ok(await page.isVisible(`[data-output="${id}"]`), `${id} visible`);
    assert.equal(await page.getAttribute(`[data-output="${id}"]`, 'data-complete'), 'true', id);
  }
  assert.equal(await page.textContent('[data-readiness]'), '3 of 3 values set: every document is ready.');
  // One method at a time: the account-keys method is in the page, hidden.
  assert.equal(await page.isVisible('#account-keys-step-1'), false);
  assert.equal(await page.locator('[data-output="account-keys-user-policy"]').count(), 1);
  await context.close();
});

test('390×844 phone: at most 12 screens, the title on the first, "On this page" collapsed', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { viewport: { width: 390, height: 844 } });
  const h1 = await page.$eval('h1', (e) => e.getBoundingClientRect().bottom);
  assert.ok(h1 <= 844, `the H1 ends at ${h1} px`);
  assert.equal(await page.isVisible('.toc a[href="#cross-account-step-1"]'), false, 'collapsed on a phone');
  await typeThreeIds(page);
  const height = await realHeight(page);
  assert.ok(height <= 12 * 844, `the page is ${height} px, ${(height / 844).toFixed(2)} screens`);
  await context.close();
});

test('360 px: no horizontal scroll in any method or way, nor on the embed demo with its full build', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { viewport: { width: 360, height: 740 } });
  await typeInputs(page, golden('maximum-lengths').inputs);
  for (const method of ['cross-account', 'account-keys']) {
    await page.check(`#method-${method}`);
    for (const way of ['console', 'aws-cli', 'cloudformation', 'terraform']) {
      await page.check(`[name="way-${method}"][value="${way}"]`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${method}, ${way}: the page is ${width} px wide`);
    }
  }
  await page.goto(`${origin}/embed/demo.html`);
  await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
  await page.evaluate(() => document.querySelector('ecs-integration-guide').loadFull?.());
  await page.locator('ecs-integration-guide [data-output="cross-account-cloudformation"]').scrollIntoViewIfNeeded().catch(() => {});
  await page.waitForTimeout(500);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the embed demo is ${width} px wide`);
  await context.close();
});

test('print to A4: at most 12 pages, none nearly blank, only the chosen method and way, never "Fills in…"', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeThreeIds(page);
  for (const [method, way] of [['cross-account', 'console'], ['account-keys', 'terraform']]) {
    await page.check(`#method-${method}`);
    await page.check(`[name="way-${method}"][value="${way}"]`);
    // Choosing a way that shows a template loads what writes it, before any print.
    if (way !== 'console') await page.waitForSelector('html.full-ready', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => document.body.innerText);
    assert.ok(!shown.includes('Fills in'), `${method}, ${way}: a "Fills in…" placeholder would print`);
    const other = method === 'cross-account' ? 'Create an AWS IAM User' : 'Create an AWS IAM Role that Shippable will assume';
    assert.ok(!shown.includes(other), `${method}: the other method would print`);
    // Back to no emulation: page.pdf() prints with the print media (with 'screen' it would not).
    await page.emulateMedia({ media: null });
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    assert.ok(pages.length >= 2 && pages.length <= 12, `${method}, ${way}: ${pages.length} pages`);
    pages.forEach((p, i) => assert.ok(p.runs >= 8, `${method}, ${way}: page ${i + 1} of ${pages.length} is nearly blank (${p.runs} text runs)`));
  }
  await context.close();
});

test('docs-site basics: sticky header, theme, On this page with scroll-spy, pager, developers\' page out of the navigation', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  assert.equal(await page.$('.sidebar a[href="embedding.html"]'), null, 'not in the reader\'s navigation');
  assert.ok(await page.isVisible('.site-footer a[href="embedding.html"]'));
  assert.ok(await page.$('.pager .back-to-top[href="#top"]'));
  assert.match(await page.textContent('.pager a[rel="next"]'), /Embedding the guide \(for Shippable’s developers\)/);
  assert.ok(await page.isVisible('.toc a[href="#cross-account-step-1"]'), 'open beside the page on a wide screen');
  await page.locator('#cross-account-step-3').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('cross-account-step-3').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#cross-account-step-3');
  const header = await page.$eval('.site-header', (e) => e.getBoundingClientRect().top);
  assert.equal(header, 0, 'the header stays at the top');
  // Theme: dark, remembered (only the theme: typed values never are).
  await page.click('.theme-switch label:has([value="dark"])');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  assert.equal(await page.evaluate(() => localStorage.getItem('theme')), 'dark');
  await page.reload();
  await page.waitForSelector('html.js-ready');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  await page.goto(`${origin}/embedding.html`);
  await page.waitForSelector('html.js-ready');
  // Measured once shown: the element is empty until its core is in.
  await page.waitForFunction(() => document.querySelector('main ecs-integration-guide')?.guide);
  const embedHeight = await page.$eval('main ecs-integration-guide', (e) => e.getBoundingClientRect().height);
  assert.ok(embedHeight <= 700, `the live instance is ${embedHeight} px tall`);
  assert.ok(await page.$('.site-footer a[href="index.html"]'));
  assert.equal(await page.getAttribute('.pager a[rel="prev"]', 'href'), 'index.html');
  await context.close();
});

test('the drawing of Shippable\'s form: labels, fields, Save, and the ARN once', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeThreeIds(page);
  const drawing = page.locator('section[data-method="cross-account"] .integration-form');
  assert.deepEqual(await drawing.locator('.mock-label').allTextContents(), ['Integration type', 'Integration Name', 'Role ARN']);
  assert.equal(await drawing.locator('.mock-button').textContent(), 'Save');
  const text = await drawing.textContent();
  assert.equal(text.split('arn:aws:iam::123456789012:role/').length - 1, 1);
  await context.close();
});
