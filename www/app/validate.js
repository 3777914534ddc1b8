// Parsing of the number boxes. The wasm setters check ranges themselves (and say so
// in their error message), but a few things must be caught before the call: an empty
// or non-numeric box reads as "" (which Number() would turn into 0), and wasm-bindgen
// silently converts a fractional or negative number passed as u32. Each parser
// throws an Error whose message is shown to the user as it is.

const U32_MAX = 4294967295;

/**
 * The finite number typed in a box.
 * @param {HTMLInputElement} input
 * @param {string} name what the box means, for the message ("η", "Noise")
 * @returns {number}
 * @throws {Error} when the box is empty or not a number
 */
export function readNumber(input, name) {
  const text = input.value.trim();
  // A number input reports "" for text it cannot parse, so both cases land here.
  if (text === '' || (input.validity && input.validity.badInput)) {
    throw new Error(`${name} needs a number.`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a finite number, not "${text}".`);
  return value;
}

/**
 * An integer in [min, max] typed in a box.
 * @param {HTMLInputElement} input
 * @param {string} name what the box means, for the message
 * @param {number} min smallest accepted value
 * @param {number} max largest accepted value
 * @returns {number}
 * @throws {Error} when the box is empty, fractional or out of range
 */
export function readInteger(input, name, min, max) {
  const value = readNumber(input, name);
  // Same wording as the core's messages, so the status line reads consistently.
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number (got ${value}).`);
  if (value < min || value > max) {
    throw new Error(`${name} must be between ${min} and ${max} (got ${value}).`);
  }
  return value;
}

/**
 * A whole number that fits the u32 the wasm expects. Only the type is checked here
 * (wasm-bindgen would wrap 2^32 + 200 around to 200); the core checks the real
 * range, e.g. 4..=5000 points, and its message says so.
 * @param {HTMLInputElement} input
 * @param {string} name what the box means, for the message
 * @returns {number}
 */
export function readU32(input, name) {
  return readInteger(input, name, 0, U32_MAX);
}

/**
 * The batch size: empty or 0 means full batch (0 is what the wasm expects for it).
 * @param {HTMLInputElement} input
 * @returns {number}
 */
export function readBatchSize(input) {
  if (input.value.trim() === '' && !(input.validity && input.validity.badInput)) return 0;
  return readU32(input, 'Batch size');
}

/**
 * A list of whole numbers separated by commas ("50" or "100, 50"), e.g. hidden
 * widths. Each must be a whole number; the core checks their range and says so.
 * @param {HTMLInputElement} input
 * @param {string} name what the box means, for the message
 * @returns {number[]}
 */
export function readIntegerList(input, name) {
  const parts = input.value.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) throw new Error(`${name} needs whole numbers separated by commas, such as 50 or 100, 50 (got "${input.value}").`);
  return parts.map((p) => {
    const value = Number(p);
    if (!Number.isInteger(value) || value < 0 || value > U32_MAX) throw new Error(`${name}: "${p}" is not a whole number of units.`);
    return value;
  });
}

/**
 * The message of anything thrown by a setter. wasm-bindgen errors are `Error`s with
 * a sentence for the user; anything else is shown as text so nothing is lost.
 * @param {unknown} err
 * @returns {string}
 */
export function messageOf(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
