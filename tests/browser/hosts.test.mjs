// <ecs-integration-guide> in Shippable's own stack and the common bundlers (issue 21): `npm pack` of
// dist/embed, installed once into each host of tests/host-* (its packages pinned in its own lock
// file, installed by build.sh), each host built once, and each production page driven in headless
// Chromium: webpack 5 (production, any warning fails the build), Vue 3 + Vite, Next.js 16 (App
// Router, `next build`, `next start`; the others are served under the site's strict CSP), and AngularJS 1.3 + ui-router 0.2 + jQuery + Bootstrap 3 by
// script tags, under the site's strict CSP, with ng-csp.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_FLAGS, DIST, launch, start } from './harness.mjs';

const TESTS = new URL('../', import.meta.url).pathname;
const hostDir = (name) => join(TESTS, `host-${name}`);
const bin = (name, tool) => join(hostDir(name), 'node_modules/.bin', tool);
const ARN = 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access';
const CN_ARN = 'arn:aws-cn:iam::123456789012:role/shippable-role-to-allow-ecs-access';
const run = promisify(execFile);
/** A proxy on a closed port for every protocol: a build that reaches for the network fails. */
const OFFLINE = Object.fromEntries(['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].map((k) => [k, 'http://127.0.0.1:9']));

/** Runs a command; on failure the assertion shows its output. Resolves to its stdout and stderr. */
async function sh(file, args, cwd, env = {}) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    assert.fail(`${file} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout}\n${error.stderr}`);
  }
}

/** A host's build: its log, or the error that failed it, which that host's test reports (the others go on). */
const builds = {};
async function build(name, command) {
  try {
    builds[name] = { log: await command() };
  } catch (error) {
    builds[name] = { error };
  }
}
/** The build log of host `name`; fails the test with the build's own error if it failed. */
function buildLog(name) {
  if (builds[name].error) throw builds[name].error;
  return builds[name].log;
}

/** Seconds each host's install and build took, reported at the end. */
const timing = {};
async function timed(name, work) {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timing[name] = ((performance.now() - started) / 1000).toFixed(1);
  }
}

const freePort = () => new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

let browser, work;
const servers = [];
const built = {};

before(async () => {
  for (const name of ['webpack', 'vue', 'next', 'angularjs']) {
    assert.ok(existsSync(join(hostDir(name), 'node_modules')), `tests/host-${name}/node_modules is missing: ./build.sh test installs it`);
  }
  work = mkdtempSync(join(tmpdir(), 'ecs-hosts-'));
  const packed = execFileSync('npm', ['pack', join(DIST, 'embed'), '--pack-destination', work, '--json'], { encoding: 'utf8' });
  const tarball = join(work, JSON.parse(packed)[0].filename);
  // The installs one after another (npm's cache is shared), then the builds side by side.
  for (const name of ['webpack', 'vue', 'next', 'angularjs']) {
    await timed(`${name} install`, () => sh('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], hostDir(name)));
  }
  built.webpack = join(work, 'webpack');
  built.vue = join(work, 'vue');
  mkdirSync(built.webpack);
  mkdirSync(built.vue);
  await Promise.all([
    timed('webpack build', () => build('webpack', () => sh(bin('webpack', 'webpack'), ['--env', `out=${built.webpack}`], hostDir('webpack')))),
    timed('vue build', () => build('vue', () => sh(bin('vue', 'vite'), ['build', '--outDir', built.vue, '--emptyOutDir', '--logLevel', 'info'], hostDir('vue')))),
    // Offline: any request through the network would go to a closed port.
    timed('next build', () => build('next', () => sh(bin('next', 'next'), ['build'], hostDir('next'), { NEXT_TELEMETRY_DISABLED: '1', ...OFFLINE }))),
  ]);
  browser = await launch();
  for (const name of ['webpack', 'vue']) {
    const { server, origin } = await start(built[name]);
    servers.push(server);
    built[`${name}Origin`] = origin;
  }
  // The AngularJS page is served as it is, its scripts from its node_modules (no build step).
  const angular = await start(hostDir('angularjs'));
  servers.push(angular.server);
  built.angularjsOrigin = angular.origin;
  // Next.js's own production server (once built).
  if (builds.next.error) return;
  const port = await freePort();
  const next = spawn(bin('next', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: hostDir('next'), env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push({ close: () => next.kill() });
  await new Promise((resolve, reject) => {
    next.stdout.on('data', (chunk) => { if (/Ready|started server|Local:/.test(String(chunk))) resolve(); });
    next.on('exit', (code) => reject(new Error(`next start exited with ${code}`)));
  });
  built.nextOrigin = `http://127.0.0.1:${port}`;
});
after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  console.log(`# host install and build seconds: ${JSON.stringify(timing)}`);
});

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.sourceFile}`));
  });
  const errors = [];
  const failed = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  return { page, context, errors, failed };
}

/** Waits until the host shows no role ARN. */
const emptied = (page) => page.waitForFunction(() => document.getElementById('role-arn')?.textContent === '').then((h) => h.dispose());

/** Types the AWS account ID into the guide, waits for the host to show `arn`, saves, and reads what was saved. */
async function fillAndSave(page, arn = ARN) {
  const guide = page.locator('ecs-integration-guide');
  await guide.locator('[name="aws-account-id"]').fill('1234-5678-9012');
  await page.locator('#role-arn', { hasText: arn }).waitFor();
  await page.locator('#save:not([disabled])').click();
  await page.locator('#saved', { hasText: 'role-arn' }).waitFor();
  return JSON.parse(await page.locator('#saved').textContent());
}

test('webpack 5, production mode, fails on any warning: it builds with none and the page saves the role ARN', async () => {
  const log = buildLog('webpack');
  assert.doesNotMatch(log, /warning|Critical dependency/i, log);
  const files = readdirSync(built.webpack);
  // Both .wasm files and the full build's chunk were seen and emitted by webpack itself.
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 2, files.join(' '));
  assert.ok(files.filter((f) => f.endsWith('.js')).length >= 2, files.join(' '));
  const { page, context, errors, failed } = await open(`${built.webpackOrigin}/`);
  assert.deepEqual(await fillAndSave(page), { 'integration-name': 'AWS-IAM-Integration', 'role-arn': ARN });
  // The full build, a chunk of webpack's, loads when the reader nears the as-code section.
  await page.evaluate(() => document.querySelector('ecs-integration-guide').shadowRoot
    .querySelector('[data-output="cross-account-cloudformation"]').scrollIntoView());
  await page.locator('ecs-integration-guide .guide.full-ready').waitFor({ state: 'attached' });
  assert.deepEqual([errors, failed, await page.evaluate(() => window.violations)], [[], [], []]);
  await context.close();
});

test('Vue 3 + Vite: bound attributes, @guide-change into reactive state, v-if re-mounts, FormData', async () => {
  const log = buildLog('vue');
  assert.doesNotMatch(log, /warning|MISSING_EXPORT/i, log);
  const { page, context, errors, failed } = await open(`${built.vueOrigin}/`);
  assert.deepEqual(await fillAndSave(page), { 'integration-name': 'AWS-IAM-Integration', 'role-arn': ARN });
  await page.locator('#partition').selectOption('aws-cn');
  await page.locator('#role-arn', { hasText: CN_ARN }).waitFor();
  // Re-mounted (the reader's typed account ID goes with it): the host gets each new element's first state.
  for (let i = 0; i < 5; i += 1) {
    await page.locator('#toggle').click();
    await page.locator('#toggle').click();
    await emptied(page);
    await page.locator('ecs-integration-guide').locator('[name="aws-account-id"]').fill('123456789012');
    await page.locator('#role-arn', { hasText: CN_ARN }).waitFor();
  }
  assert.deepEqual([errors, failed, await page.evaluate(() => window.violations)], [[], [], []]);
  await context.close();
});

test('Next.js 16: the App Router page builds offline (the module imported on the server too), hydrates, and guide-change fills state', async () => {
  const log = buildLog('next');
  assert.doesNotMatch(log, /warn|Critical dependency/i, log);
  const { page, context, errors, failed } = await open(`${built.nextOrigin}/`);
  // Server-rendered with the element in it, upgraded on the client.
  assert.equal(await page.locator('ecs-integration-guide[name="role-arn"]').count(), 1);
  await page.locator('ecs-integration-guide .guide.js-ready').waitFor({ state: 'attached' });
  assert.deepEqual(await fillAndSave(page), { 'integration-name': 'AWS-IAM-Integration', 'role-arn': ARN });
  assert.deepEqual([errors, failed], [[], []]);
  await context.close();
});

test('AngularJS 1.3 + ui-router + jQuery + Bootstrap 3: 20 route round trips, ng-attr-*, ng-required, ng-csp, a form; no $rootScope:inprog', async () => {
  const { page, context, errors, failed } = await open(`${built.angularjsOrigin}/#/integrations`);
  await page.locator('#list').waitFor();
  const model = () => page.locator('#role-arn').textContent();
  // Each visit mounts a new element (its account ID from ng-attr-aws-account-id): the model gets its
  // first state, set by $scope.$apply in the listener, whatever the partition of the route.
  for (let i = 0; i < 20; i += 1) {
    const china = i % 2 === 1;
    await page.locator(china ? '#to-add-cn' : '#to-add').click();
    await page.locator('#role-arn', { hasText: china ? CN_ARN : ARN }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('ecs-integration-guide').getAttribute('partition'), china ? 'aws-cn' : 'aws');
    await page.locator('#to-list').click();
    await page.locator('#list').waitFor();
  }
  await page.locator('#to-add').click();
  await page.locator('#role-arn', { hasText: ARN }).waitFor();
  // ng-attr-partition from the model, changed during a digest: the model follows, with no inprog.
  await page.locator('#partition').selectOption('aws-us-gov');
  await page.locator('#role-arn', { hasText: 'arn:aws-us-gov:iam::123456789012:role/shippable-role-to-allow-ecs-access' }).waitFor();
  await page.locator('#partition').selectOption('aws');
  await page.locator('#role-arn', { hasText: ARN }).waitFor();
  assert.equal(await model(), ARN);
  // ng-required: the element's validity follows at once; a required, incomplete guide stops the submit.
  const guide = page.locator('ecs-integration-guide');
  await guide.locator('[name="aws-account-id"]').fill('');
  await emptied(page);
  assert.deepEqual(await guide.evaluate((e) => [e.hasAttribute('required'), e.validity.valueMissing]), [true, true]);
  await page.locator('#required').uncheck();
  assert.deepEqual(await guide.evaluate((e) => [e.hasAttribute('required'), e.validity.valid]), [false, true]);
  await page.locator('#required').check();
  await page.locator('#save').click();
  assert.deepEqual(await page.evaluate(() => window.recorded.saved), []);
  // Filled in: Save sends the role ARN the model holds, and the form data agrees.
  await guide.locator('[name="aws-account-id"]').fill('123456789012');
  await page.locator('#role-arn', { hasText: ARN }).waitFor();
  await page.locator('#save').click();
  assert.deepEqual(await page.evaluate(() => window.recorded.saved),
    [{ model: ARN, form: { 'integration-name': 'AWS-IAM-Integration', 'role-arn': ARN } }]);
  assert.deepEqual(await page.evaluate(() => window.recorded.errors), []);
  assert.deepEqual(errors.filter((e) => /inprog|\$rootScope/.test(e)), []);
  // jQuery 1.11's feature detection sets an inline handler (onfocusin), which the CSP refuses: the
  // only violations, none of the element's.
  const violations = await page.evaluate(() => window.violations);
  assert.ok(violations.length > 0 && violations.every((v) => /^script-src-attr .*\/jquery\.min\.js$/.test(v)), violations.join('\n'));
  assert.deepEqual([errors.filter((e) => !/inline event handler/.test(e)), failed], [[], []]);
  await context.close();
});
