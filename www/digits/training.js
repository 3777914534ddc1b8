// Where the Digits view trains: in a Web Worker (worker.js) when one starts, else on
// the page itself, a step a frame. The page's DigitsView (`view`) checks and applies
// every setting first; `call` then repeats it in the worker, and the worker's states
// are drawn through `view.adopt`. Each restart of the run (new digits, a new network)
// is a new generation: a state the worker sent for an older one is dropped.

/**
 * @param {object} deps
 * @param {object} deps.view the page's DigitsView (already built on the digits)
 * @param {Uint8Array} deps.bytes the digits file, handed to the worker
 * @param {() => Worker} deps.createWorker
 * @param {() => void} deps.changed a new state arrived: draw it
 * @param {(message: string) => void} deps.failed the worker refused a call or stopped working
 */
export function createTraining({ view, bytes, createWorker, changed, failed }) {
  let worker = null;
  let gen = 0;
  /** The step count of the last state drawn, to tell the loop how many steps a frame saw. */
  let counted = view.step_count();

  const local = () => {
    if (worker) worker.terminate();
    worker = null;
  };
  try {
    worker = createWorker();
    worker.onmessage = ({ data }) => {
      if (data.type === 'error') failed(`The training worker: ${data.message}`);
      else if (data.type === 'state' && data.gen === gen && view.adopt(data.bytes)) changed();
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

  return {
    /** Whether steps run in the worker. */
    get inWorker() { return worker !== null; },
    /**
     * After `view[method](...args)` succeeded here: the same in the worker.
     * @param {boolean} restarts whether the call starts a new run (a new generation)
     */
    call(method, args, restarts) {
      if (restarts) gen += 1;
      worker?.postMessage({ type: 'call', gen, method, args });
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
