// The Digits view's training, in Web Workers: full-batch steps of the practical take
// a few ms each, which on the page's main thread would cost frames. Here they run back
// to back while the page stays smooth, and every SEND_MS the lead worker sends what
// the page draws (DigitsView.state_bytes: the weights, the curves, the test digits'
// answers) as one transferred buffer.
//
// Two workers share each full-batch step of a large training set (DigitsView.worth_sharing:
// from 4000 digits), one per core (training.js starts the second where the machine has
// two): the lead holds the run; the partner computes the
// gradient over its part of the training digits on the weights the lead sends it
// after every update, while the lead computes the test digits' pass and its own part;
// the lead sums the two parts and updates (DigitsView.step_from_parts, the core's
// train::parts). Mini-batch steps and smaller sets, where sharing would not pay, the lead
// takes alone, and so it does every step when no partner answers.
//
// The page and the workers hold the same DigitsView, built from the same digits and
// given the same calls in the same order (messages are handled one at a time, in
// order): the page's copy checks every setting and draws; these train.
//
// Messages from the page:
//   { type: 'load', bytes }                 the digits file (www/pkg/digits.bin)
//   { type: 'call', gen, method, args }     a setter of DigitsView, as the page made it
//   { type: 'partner', port }               lead: the port to its partner
//   { type: 'serve', port }                 partner: the port to its lead
//   { type: 'alone' }                       lead: the partner is gone, take every step
//   { type: 'play' } / { type: 'pause' }    lead: run steps until told to pause
//   { type: 'step', steps }                 lead: that many steps, then a state
// To the page (from the lead):
//   { type: 'state', gen, bytes, shared }   after every SEND_MS of training, a call or a step
//                                           (shared: whether the last step was shared)
//   { type: 'error', message }              a call or a step that failed (a sentence)
// gen counts the page's restarts: a state of an older run is dropped there, and a
// partner answers a request of a newer run only once its own calls got there.
// Between lead and partner:
//   lead → partner  { seq, gen, weights, start, end }   the gradient over rows start..end
//   partner → lead  { seq, bytes, ms }                  the part (bytes null: refused), and
//                                                       the ms it took (for the balance)

import init, { DigitsView } from '../pkg/mlp_lessons.js';

/**
 * How long the lead trains between two states (and between two looks at its messages):
 * about 8 redraws of the page a second. Each takes the page's thread time that the
 * workers, on the same cores, then do not get (at 16 a second the page's thread was
 * busy 30 % of the time, at 8 about 18 %).
 */
const SEND_MS = 120;

let view = null;
let gen = 0;
let playing = false;
let queue = Promise.resolve();
/** 'lead' (sends states, holds the run) until told to serve a lead. */
let role = 'lead';

const messageOf = (err) => (err instanceof Error ? err.message : String(err));

function send() {
  if (role !== 'lead') return;
  const bytes = view.state_bytes();
  self.postMessage({ type: 'state', gen, bytes, shared }, [bytes.buffer]);
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

// ---- the lead's side of a shared step ----

/** The port to the partner, or null: every step taken here. */
let partner = null;
let seq = 0;
/** The request the partner works on: { seq, start, version, at }, or null. */
let asked = null;
/** Answers arrived for `asked` (by seq), and the wait for one. */
const answers = new Map();
let waiting = null;
/** Counts the changes of the weights here, so that an answer for older ones is not used. */
let version = 0;
/** Whether the last step was shared with the partner (told the page with each state). */
let shared = false;

/** The lead's rows of a shared step (0..cut; the partner's cut..N), or null: not yet set. */
let cut = null;

/**
 * The first cut: the lead also makes the test digits' forward pass (as much work as a
 * forward pass over as many training digits, where a part costs a forward and a
 * backward pass), so it takes (2N − M)/4 of the N training digits and the partner the
 * rest. `balance` then moves the cut after every step by what each side measured.
 */
function firstCut(n, m) {
  return Math.min(n, Math.max(0, Math.round((2 * n - m) / 4)));
}

/**
 * After a shared step: `lead` ms of work here between asking and needing the answer
 * (the test pass, the own part), `partner` ms there; rows move to the side that
 * waited, half the gap at a time (a part of r rows costs r × the rows' mean cost on
 * either side), so the two cores stay busy as the page's load on them changes.
 */
function balance(n, lead, partner, rowMs) {
  if (!(rowMs > 0) || !Number.isFinite(lead) || !Number.isFinite(partner)) return;
  const shift = Math.round((0.5 * (partner - lead)) / (2 * rowMs));
  const most = Math.max(1, Math.round(n / 10));
  cut = Math.min(n, Math.max(0, cut + Math.max(-most, Math.min(most, shift))));
}

/** Asks the partner for the part start..end on `weights` (version v). Touches no handle:
 * it is called from inside the lead's step (step_from_parts' callback). */
function ask(weights, start, end, v) {
  seq += 1;
  asked = { seq, start, version: v, at: performance.now() };
  answers.clear();
  partner.postMessage({ seq, gen, weights, start, end }, [weights.buffer]);
}

/** The partner's answer to request `s`: { bytes, ms } (bytes null: refused), or null when the partner left. */
function answer(s) {
  if (answers.has(s)) return Promise.resolve(answers.get(s));
  if (!partner) return Promise.resolve(null);
  return new Promise((resolve) => { waiting = { seq: s, resolve }; });
}

function heard(reply) {
  if (waiting?.seq === reply.seq) {
    waiting.resolve(reply);
    waiting = null;
  } else if (asked?.seq === reply.seq) {
    answers.set(reply.seq, reply);
  }
}

function leaveAlone() {
  partner = null;
  asked = null;
  waiting?.resolve(null);
  waiting = null;
}

/** One step, shared with the partner when it can be; whether one was made. */
async function step() {
  if (!partner || !view.worth_sharing()) {
    version += 1;
    shared = false;
    return view.run(1) === 1;
  }
  const n = view.train_count();
  cut = Math.min(n, cut ?? firstCut(n, view.test_count()));
  // The partner may already work on these weights (asked at the end of the last step).
  if (asked?.version !== version) ask(view.weights_bytes(), cut, n, version);
  const mine = asked;
  const t0 = performance.now();
  const ours = view.gradient_part(0, mine.start);
  const t1 = performance.now();
  const reply = await answer(mine.seq);
  // Refused (a request from before a settings change) or no partner: that part here.
  const theirs = reply?.bytes ?? view.gradient_part(mine.start, n);
  asked = null;
  if (reply?.bytes) {
    const rows = Math.max(1, n - mine.start);
    const rowMs = mine.start > 0 ? ((t1 - t0) / mine.start + reply.ms / rows) / 2 : reply.ms / rows;
    balance(n, t1 - mine.at, reply.ms, rowMs);
  }
  const next = version + 1;
  const made = view.step_from_parts(ours, theirs, (weights) => {
    if (playing && partner) ask(weights, cut, n, next);
  });
  version = next;
  shared = made;
  return made;
}

/** Trains for SEND_MS, sends the state, and comes back unless paused or stopped. */
async function slice() {
  if (!playing || !view) return;
  const start = performance.now();
  while (performance.now() - start < SEND_MS) {
    if (!(await step())) {
      playing = false; // stopped on a blow-up: the state says why
      break;
    }
  }
  send();
  if (playing) later();
}

// ---- the partner's side ----

/** A request of a newer run than this worker's calls have reached: answered once they have. */
let early = null;

function serve(port, request) {
  if (request.gen > gen || !view) {
    early = { port, request };
    return;
  }
  let bytes = null;
  const start = performance.now();
  if (request.gen === gen) {
    try {
      bytes = view.gradient_part_for(request.weights, request.start, request.end);
    } catch {
      bytes = null; // weights of another network: the lead computes that part itself
    }
  }
  port.postMessage({ seq: request.seq, bytes, ms: performance.now() - start }, bytes ? [bytes.buffer] : []);
}

function serveEarly() {
  if (early && view && early.request.gen <= gen) {
    const { port, request } = early;
    early = null;
    serve(port, request);
  }
}

async function handle(msg) {
  switch (msg.type) {
    case 'load':
      await init();
      view = new DigitsView(msg.bytes);
      send();
      serveEarly();
      break;
    case 'call':
      gen = msg.gen;
      view[msg.method](...msg.args);
      version += 1;
      cut = null; // new sets or a new network: balanced afresh
      shared = false;
      send();
      serveEarly();
      break;
    case 'partner':
      partner = msg.port;
      partner.onmessage = (e) => heard(e.data);
      break;
    case 'serve':
      role = 'partner';
      msg.port.onmessage = (e) => enqueue(() => serve(msg.port, e.data));
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
      for (let k = 0; k < msg.steps; k += 1) if (!(await step())) break;
      send();
      break;
    default:
      throw new Error(`unknown message ${msg.type}`);
  }
}

self.onmessage = (e) => {
  // The partner gone: heard at once, since a step of the queue may be waiting for it.
  if (e.data.type === 'alone') leaveAlone();
  else enqueue(() => handle(e.data));
};
