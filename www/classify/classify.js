// The classification view as the loop sees it: an adapter around the ClassifierView
// handle (decision boundary and loss curve), its readouts, and its own controls
// (network and data, wired in network-data.js).

import { fitCanvas } from '../app/canvas.js';
import { createClasses } from './problem-kind.js';
import { createCollapse } from './linear-collapse.js';
import { wireControls } from './network-data.js';
import { createFeatures } from './input-features.js';
import { wireFiles } from './data-files.js';
import { createInspector } from '../inspector/inspector.js';
import { createMetrics } from './metrics.js';
import { wireOptimiser } from './optimiser.js';
import { createDiagram } from '../diagram/network-diagram.js';
import { createOwnData } from './own-data.js';
import { createRateMeter, createReadouts } from './readouts.js';

/** Least time between two redraws of the loss curve, in ms (about 15 Hz). */
const LOSS_CURVE_INTERVAL_MS = 66;

/** The Training controls' values as the page's HTML gives them: the classifier's defaults. */
function defaultsFromPage(doc) {
  const value = (id) => doc.getElementById(id).defaultValue;
  return { eta: value('eta-number'), stepsPerFrame: value('steps-per-frame'), batch: value('batch-size') };
}

/** The Play/Step/Reset tooltips of the HTML, which describe this view. */
function titlesFromPage(doc) {
  const title = (id) => doc.getElementById(id).title;
  return { play: title('play'), step: title('step'), reset: title('reset') };
}

/**
 * Builds the classification view's adapter and wires its controls.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {() => number} deps.freshSeed the wasm `fresh_seed`
 * @param {{max_layers: number, max_width: number}} deps.limits parsed `limits()`
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request (the loop's `changed`)
 * @returns {import('../app/loop.js').Adapter & { pushAll: () => boolean, setHidden: (widths: number[]) => boolean }}
 */
export function createClassifier({ doc, view, freshSeed, limits, status, changed }) {
  const el = (id) => doc.getElementById(id);
  const boundary = el('boundary');
  const lossCurve = el('loss-curve');
  const logScale = el('log-scale');
  const showTest = el('show-test');
  const updateReadouts = createReadouts(doc);
  const titles = titlesFromPage(doc);
  const controls = wireControls({ doc, view, freshSeed, limits, status, changed });
  const collapse = createCollapse({ doc, view, changed });
  const inspector = createInspector({ doc, view, changed });
  const ownData = createOwnData({ doc, view, status, changed });
  wireFiles({ doc, view, status, changed, pointsImported: ownData.imported, setHidden: controls.setHidden });
  const optimiser = wireOptimiser({ doc, view, status, changed });
  const metrics = createMetrics({ doc, view });
  const features = createFeatures({ doc, view, status, changed, rebuilt: controls.describe });
  const classes = createClasses({ doc, view, status, changed, rebuilt: controls.describe });
  const diagram = createDiagram({ doc, view, changed, status });
  let lastLossDraw = -Infinity;
  return {
    name: 'classify',
    meter: createRateMeter(el('steps-per-sec')),
    stepsPerFrame: 1,
    trainingDefaults: defaultsFromPage(doc),
    train: (steps) => view.train(steps),
    draw() {
      fitCanvas(boundary);
      const resized = fitCanvas(lossCurve);
      // The loss curve is redrawn at most about 15 times a second: it moves
      // slowly, and each redraw costs main-thread time every frame would pay.
      // A skipped redraw asks for another frame, so it is never left stale.
      const now = performance.now();
      const due = resized || now - lastLossDraw >= LOSS_CURVE_INTERVAL_MS;
      if (due) lastLossDraw = now;
      view.draw(boundary, due ? lossCurve : null, logScale.checked, showTest.checked);
      if (!due) changed();
      diagram.draw();
    },
    readouts() {
      updateReadouts(view);
      collapse.update();
      inspector.update();
      ownData.update();
      metrics.update();
    },
    diverged: () => view.diverged(),
    status: () => view.status(),
    // Besides diverging (which the loop reports), it stops at the user's stop condition.
    stalled: () => view.stop_status(),
    iteration: () => view.iteration(),
    setLearningRate: (eta) => view.set_learning_rate(eta),
    setBatchSize: (k) => view.set_batch_size(k),
    tunable: () => true,
    buttonTitles: () => titles,
    reset: () => { controls.reset(); },
    pushAll: () => {
      collapse.sync();
      inspector.sync();
      // K first: the data set may be a K-class one; then the legend follows the data.
      const ok = classes.pushAll() && controls.pushAll() && features.pushAll() && optimiser.pushAll();
      classes.sync();
      return ok;
    },
    inspector,
    setHidden: controls.setHidden,
    /** The own points in the address (app/url-state.js): { code, restore } of own-data.js. */
    ownPoints: { code: ownData.code, restore: ownData.restore },
  };
}
