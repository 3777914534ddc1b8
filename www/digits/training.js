// Where the Digits view trains: in Web Workers (worker.js) when they start, else on
// the page itself, a step a frame. The page's DigitsView (`view`) checks and applies
// every setting first; `call` then repeats it in the workers, and the lead worker's
// states are drawn through `view.adopt`. Each restart of the run (new digits, a new
// network) is a new generation: a state the lead sent for an older one is dropped.
//
// Where the machine has more than one core, a second worker (the partner) shares each
// full-batch step of a large training set with the lead (view.worth_sharing: from
// view.shared_from() digits): the two talk through a MessageChannel of their own
// (see worker.js), and the page sends both the digits and every call. If the partner
// fails, the lead is told and takes every step alone.

/**
 * @param {object} deps
 * @param {object} deps.view the page's DigitsView (already built on the digits)
 * @param {Uint8Array} deps.bytes the digits file, handed to the workers
 * @param {() => Worker} deps.createWorker
 * @param {() => void} deps.changed a new state arrived: draw it
 * @param {(message: string) => void} deps.failed the worker refused a call or stopped working
 * @param {number} [deps.cores] the machine's cores (a partner only with two or more)
 */
export function createTraining({ view, bytes, createWorker, changed, failed, cores = navigator.hardwareConcurrency ?? 1 }) {
  let worker = null;
  let partner = null;
  let gen = 0;
  /** Whether the lead's last state followed a step shared with the partner. */
  let shared = false;
  /** The step count of the last state drawn, to tell the loop how many steps a frame saw. */
  let counted = view.step_count();

  const local = () => {
    if (worker) worker.terminate();
    if (partner) partner.terminate();
    worker = null;
    partner = null;
  };
  try {
    worker = createWorker();
    worker.onmessage = ({ data }) => {
      if (data.type === 'error') failed(`The training worker: ${data.message}`);
      else if (data.type === 'state' && data.gen === gen && view.adopt(data.bytes)) {
        shared = data.shared === true;
        changed();
      }
    };
    // A worker whose script does not load: train here instead, and say so.
    worker.onerror = (e) => {
      e.preventDefault?.();
      local();
      failed('The training worker could not start: the page trains by itself, a step a frame (slower, and the page less smooth).');
    };
    worker.postMessage({ type: 'load', bytes });
  } catch {
    local();
  }
  if (worker && cores >= 2) {
    try {
      partner = createWorker();
      const link = new MessageChannel();
      partner.onerror = (e) => {
        e.preventDefault?.();
        partner?.terminate();
        partner = null;
        worker?.postMessage({ type: 'alone' });
      };
      partner.postMessage({ type: 'serve', port: link.port2 }, [link.port2]);
      partner.postMessage({ type: 'load', bytes });
      worker.postMessage({ type: 'partner', port: link.port1 }, [link.port1]);
    } catch {
      partner = null; // the lead trains alone
    }
  }

  return {
    /** Whether steps run in a worker. */
    get inWorker() { return worker !== null; },
    /** Where the steps run, as the readout says it. */
    get where() {
      if (!worker) return 'this page (no Web Worker started)';
      if (!partner) return '1 Web Worker';
      if (shared) return '2 Web Workers, sharing each step';
      return view.worth_sharing()
        ? '2 Web Workers'
        : `1 Web Worker of 2: steps are shared from ${view.shared_from()} training digits, full batch`;
    },
    /**
     * After `view[method](...args)` succeeded here: the same in the workers.
     * @param {boolean} restarts whether the call starts a new run (a new generation)
     */
    call(method, args, restarts) {
      if (restarts) gen += 1;
      shared = false;
      const msg = { type: 'call', gen, method, args };
      worker?.postMessage(msg);
      partner?.postMessage(msg);
    },
    /** Play or pause the worker's steps. */
    playing(on) {
      worker?.postMessage({ type: on ? 'play' : 'pause' });
    },
    /**
     * A frame's training: `steps` ≥ 1 asks for that many steps (Step); 0 is a playing
     * frame. Returns how many steps the drawn state advanced since the last call.
     */
    train(steps) {
      if (worker) {
        if (steps >= 1) worker.postMessage({ type: 'step', steps });
      } else {
        view.run(Math.max(1, steps));
      }
      const now = view.step_count();
      const done = Math.max(0, now - counted);
      counted = now;
      return done;
    },
    /** A restart here: the step count starts again. */
    restarted() { counted = view.step_count(); },
  };
}
