// tools/serve.mjs, the server `./build.sh serve` and the browser tests use: GET and HEAD only, and
// the same security headers on every response, a file, a 404 and a 405 alike (issue 22).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, SECURITY_HEADERS } from '../../tools/serve.mjs';
import { CONTENT_SECURITY_POLICY } from '../../www/generated/facts.js';

const dir = mkdtempSync(join(tmpdir(), 'serve-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');

/** The headers a response must carry, as sent (lower-case names). */
function assertSecure(response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(response.headers.get(name), value, `${response.status} ${response.url}: ${name}`);
  }
  assert.ok(response.headers.get('content-security-policy').startsWith(CONTENT_SECURITY_POLICY));
  assert.match(response.headers.get('content-security-policy'), /frame-ancestors 'self'/);
}

test('GET and HEAD of a file, a missing file and a path through a file all carry the headers', async () => {
  const server = await serve(dir, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    const file = await fetch(`${origin}/`);
    assert.equal(file.status, 200);
    assert.equal(await file.text(), '<!doctype html><title>x</title>');
    assertSecure(file);
    const head = await fetch(`${origin}/index.html`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assertSecure(head);
    for (const path of ['/missing.js', '/index.html/below', '/../../etc/passwd']) {
      const missing = await fetch(`${origin}${path}`);
      assert.equal(missing.status, 404, path);
      assert.equal(await missing.text(), 'not found\n');
      assertSecure(missing);
    }
  } finally {
    server.close();
  }
});

test('every other method is refused with 405, Allow and the headers, and changes nothing', async () => {
  const server = await serve(dir, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await fetch(`${origin}/index.html`, { method, body: method === 'DELETE' || method === 'OPTIONS' ? undefined : 'x' });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, HEAD');
      assert.equal(await response.text(), 'method not allowed\n');
      assertSecure(response);
    }
    assert.equal(await (await fetch(`${origin}/index.html`)).text(), '<!doctype html><title>x</title>');
  } finally {
    server.close();
  }
});
