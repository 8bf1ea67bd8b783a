// Serves a folder on 127.0.0.1 only: correct types (.wasm as application/wasm), the site's CSP,
// nothing logged about requests. Usage: node tools/serve.mjs DIR [PORT]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_CONTENT_SECURITY_POLICY } from '../www/generated/facts.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};
/** The site's CSP (the pages' <meta>), with what only a header can say. */
const CSP = `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_CONTENT_SECURITY_POLICY}`;

/** The headers every response carries, a file, an error or a refusal alike. */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Cross-origin isolation: nothing from elsewhere may load, and timers are precise for the benches.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-cache',
});

/** A static site reads and changes nothing: GET and HEAD only, as a static file server answers. */
const METHODS = ['GET', 'HEAD'];

/**
 * Each file compressed once per version (path, size, modification time), as a production server
 * serves precompressed files: compressing per request (level 9) held every response, and whatever
 * else ran in this process, for milliseconds.
 */
const compressed = new Map();
function gzipped(file, info, body) {
  const version = `${info.size}:${info.mtimeMs}`;
  const hit = compressed.get(file);
  if (hit?.version === version) return hit.body;
  const zipped = gzipSync(body, { level: 9 });
  compressed.set(file, { version, body: zipped });
  return zipped;
}

/** Starts the server; resolves to it once listening. Port 0 picks a free port. */
export function serve(dir, port = 8000, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    if (!METHODS.includes(req.method)) {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: METHODS.join(', '), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      let body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const headers = {};
      // Compressed as a production server would send it (text and Wasm compress to a third).
      if (/gzip/.test(req.headers['accept-encoding'] || '') && body.length > 512 && !type.startsWith('image/png')) {
        body = gzipped(file, info, body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      res.writeHead(200, { ...headers, ...SECURITY_HEADERS, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      const missing = e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'ENOTDIR';
      res.writeHead(missing ? 404 : 500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : missing ? 'not found\n' : 'error\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8000'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`serving ${dir} on http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
