// The page's Content-Security-Policy: one policy, written into index.html as a
// <meta http-equiv> (so a static host serves it too) and sent as a header by
// scripts/serve.mjs (which reads it back from the page it serves, so the two
// cannot disagree).
//
// What it allows, and why:
//   default-src 'self'          nothing from another origin, ever
//   script-src 'self' 'wasm-unsafe-eval' 'sha256-…'
//                               the page's own modules; compiling WebAssembly
//                               (which CSP counts as eval); the one inline
//                               script (the early wasm compile in <head>) pinned
//                               by the hash of its exact text
//   style-src 'self'            the stylesheet only: no style="" attributes
//   img-src 'self' data: blob:  the empty favicon (data:,) and saved charts
//   object-src 'none', base-uri 'none', form-action 'none'
//                               no plugins, no <base> rewriting, no form posts
// (frame-ancestors cannot be set from a <meta>; the page may be embedded.)
import crypto from 'node:crypto';

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
const AFTER = /<meta name="viewport"[^>]*>/;

/** The text of every inline <script> (one without a src), exactly as the browser hashes it. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** The policy for this HTML: its inline scripts pinned by their SHA-256. */
export function policy(html) {
  const hashes = inlineScripts(html).map((s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy a page declares in its <meta>, or null. */
export function declaredPolicy(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  return m ? m[1] : null;
}

/**
 * The HTML with its policy <meta> written (or rewritten) after the viewport
 * <meta>, before any script, so that it applies to all of them. The policy pins
 * the inline scripts of `received`, the page as the browser gets it: for the
 * development shell index.html, the page with its fragments included
 * (scripts/page.mjs), which may hold scripts the shell does not.
 */
export function withPolicy(html, received = html) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(received.replace(META, ''))}">`;
  if (META.test(html)) return html.replace(META, meta);
  const at = html.match(AFTER);
  if (!at) throw new Error('index.html has no <meta name="viewport">, after which the policy goes.');
  const indent = html.slice(html.lastIndexOf('\n', at.index) + 1, at.index);
  return html.replace(AFTER, `${at[0]}\n${indent}${meta}`);
}
