// A tiny static file server for the playground, with no dependencies.
//
// Used two ways:
//   node scripts/serve.mjs [DIR]    serves the repository top level (or DIR,
//                                   e.g. dist) on PORT (default 8080, or the
//                                   next free port)
//   import { serve } from '...'     the e2e tests and the benchmark start one
//                                   on a free port and close it afterwards
//
// Why not `python3 -m http.server`: we need `.wasm` served as application/wasm
// (streaming compilation insists on it), `Cache-Control: no-store` so a rebuild
// is always seen, 127.0.0.1 only, and a programmatic start/stop for the tests;
// and the top level's index.html is a shell that must have its views' markup
// included (scripts/page.mjs) before it is sent.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { declaredPolicy } from './csp.mjs';
import { SHELL, assemble, hasIncludes } from './page.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Maps a request URL to a file path inside root, or null when it must not be
 * served: undecodable, NUL bytes, outside root after normalising `..`, or a
 * dot-file/dot-directory (keeps .git and friends private).
 */
function resolveInside(root, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const parts = path.relative(root, file).split(path.sep);
  if (parts.some((p) => p.startsWith('.'))) return null;
  return file;
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text + '\n');
}

/**
 * An HTML file's text as the browser is to receive it. The root's index.html, when
 * it is the development shell, is assembled from its fragments (scripts/page.mjs)
 * on every request, so an edited fragment shows on reload; dist/index.html (already
 * assembled) and any other file go out as they are.
 */
function pageText(root, file) {
  const text = fs.readFileSync(file, 'utf8');
  return file === path.join(root, SHELL) && hasIncludes(text) ? assemble(text, root) : text;
}

function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
  let file = resolveInside(root, req.url);
  if (file === null) return send(res, 404, 'Not found');
  fs.stat(file, (err, st) => {
    if (!err && st.isDirectory()) {
      file = path.join(file, 'index.html');
      try {
        st = fs.statSync(file);
      } catch (e) {
        err = e;
      }
    }
    if (err || !st.isFile()) return send(res, 404, 'Not found');
    const ext = path.extname(file).toLowerCase();
    const headers = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (ext !== '.html') {
      res.writeHead(200, { ...headers, 'Content-Length': st.size });
      if (req.method === 'HEAD') return res.end();
      return fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
    }
    let html;
    try {
      html = pageText(root, file);
    } catch (e) {
      return send(res, 500, e.message); // a missing fragment: the sentence names it
    }
    // A page's own Content-Security-Policy (its <meta>, written by scripts/csp.mjs)
    // also as a header: the form a real host would send.
    const csp = declaredPolicy(html);
    if (csp) headers['Content-Security-Policy'] = csp;
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

/**
 * Starts serving `root` (default: the repository top level) on host:port
 * (port 0 = any free port). Resolves to { url, port, close() }; close()
 * resolves once the server and all its connections are shut.
 */
export async function serve({ root = REPO_ROOT, host = '127.0.0.1', port = 0 } = {}) {
  const absRoot = fs.realpathSync(path.resolve(root));
  const server = http.createServer((req, res) => handle(absRoot, req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // browsers keep connections alive
      }),
  };
}

/**
 * Run directly: serve the repository (or the folder given as the one argument,
 * e.g. dist) on PORT, or the next free port above it.
 */
async function main() {
  const root = path.resolve(REPO_ROOT, process.argv[2] ?? '.');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`${root} has no index.html; build it first (npm run build).`);
    process.exit(1);
  }
  const first = Number.parseInt(process.env.PORT ?? '8080', 10);
  if (!Number.isInteger(first) || first < 1 || first > 65535) {
    console.error(`PORT must be a port number (1-65535), not "${process.env.PORT}".`);
    process.exit(2);
  }
  for (let port = first; port < Math.min(first + 50, 65536); port++) {
    try {
      const { url } = await serve({ root, port });
      console.log(`mlp-playground is being served at ${url}`);
      if (port !== first) console.log(`(port ${first} was busy)`);
      console.log('Press Ctrl+C to stop.');
      return;
    } catch (e) {
      if (e.code !== 'EADDRINUSE') throw e;
    }
  }
  console.error(`No free port between ${first} and ${first + 49}; set PORT to another port.`);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
