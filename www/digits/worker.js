// The Digits view's training, in a Web Worker: full-batch steps of the practical
// take ~10 ms each, which on the page's main thread would cost frames. Here they run
// back to back on their own core while the page stays smooth, and every SEND_MS the
// worker sends what the page draws (DigitsView.state_bytes: the weights, the curves,
// the test digits' answers) as one transferred buffer.
//
// The page and the worker hold the same DigitsView, built from the same digits and
// given the same calls in the same order (messages are handled one at a time, in
// order): the page's copy checks every setting and draws; this one trains.
//
// Messages from the page:
//   { type: 'load', bytes }                 the digits file (www/pkg/digits.bin)
//   { type: 'call', gen, method, args }     a setter of DigitsView, as the page made it
//   { type: 'play' } / { type: 'pause' }    run steps until told to pause
//   { type: 'step', steps }                 that many steps, then a state
// To the page:
//   { type: 'state', gen, bytes }           after every SEND_MS of training, a call or a step
//   { type: 'error', message }              a call or a step that failed (a sentence)
// gen counts the page's restarts: a state of an older run is dropped there.

import init, { DigitsView } from '../pkg/mlp_lessons.js';

/** How long the worker trains between two states (and between two looks at its messages). */
const SEND_MS = 60;

let view = null;
let gen = 0;
let playing = false;
let queue = Promise.resolve();

const messageOf = (err) => (err instanceof Error ? err.message : String(err));

function send() {
  const bytes = view.state_bytes();
  self.postMessage({ type: 'state', gen, bytes }, [bytes.buffer]);
}

// A zero-delay yield between slices (setTimeout would be clamped to 4 ms), so that a
// pause, a new η or a restart is seen within one slice.
const channel = new MessageChannel();
channel.port1.onmessage = () => enqueue(slice);
const later = () => channel.port2.postMessage(null);

/** Runs `work` after everything before it; a failure pauses and goes to the page as a sentence. */
function enqueue(work) {
  queue = queue.then(work).catch((err) => {
    playing = false;
    self.postMessage({ type: 'error', message: messageOf(err) });
  });
}

/** Trains for SEND_MS, sends the state, and comes back unless paused or stopped. */
function slice() {
  if (!playing || !view) return;
  const start = performance.now();
  while (performance.now() - start < SEND_MS) {
    if (view.run(1) === 0) {
      playing = false; // stopped on a blow-up: the state says why
      break;
    }
  }
  send();
  if (playing) later();
}

async function handle(msg) {
  switch (msg.type) {
    case 'load':
      await init();
      view = new DigitsView(msg.bytes);
      send();
      break;
    case 'call':
      gen = msg.gen;
      view[msg.method](...msg.args);
      send();
      break;
    case 'play':
      if (!playing) {
        playing = true;
        later();
      }
      break;
    case 'pause':
      playing = false;
      break;
    case 'step':
      playing = false;
      view.run(msg.steps);
      send();
      break;
    default:
      throw new Error(`unknown message ${msg.type}`);
  }
}

self.onmessage = (e) => enqueue(() => handle(e.data));
