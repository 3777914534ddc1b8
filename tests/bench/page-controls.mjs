// Puts the page into a reference workload the way a person would: through its
// own controls (the ids of the page contract), each followed by a 'change'
// event. Then reads back what the model really got, so a page that does not
// (yet) expose a setting reliably is reported as such instead of being timed
// with the wrong network.
import { SETTINGS } from './workloads.mjs';

/** Runs in the page: sets every control that differs and dispatches 'change'. */
function setControls({ w, s }) {
  const $ = (sel) => document.querySelector(sel);
  const set = (el, value) => {
    if (!el) throw new Error('a control of the workload is missing');
    if (el.value === String(value)) return;
    el.value = String(value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  set($('#dataset'), w.dataset);
  set($('#points'), w.points);
  set($('#noise'), s.noise);
  set($('#train-fraction'), s.trainFraction);
  set($('#data-seed'), s.dataSeed);
  const boxes = () => document.querySelectorAll('#layers .layer-width');
  for (let i = 0; boxes().length < w.hidden.length && i < 16; i++) $('#add-layer').click();
  for (let i = 0; boxes().length > w.hidden.length && i < 16; i++) $('#remove-layer').click();
  boxes().forEach((box, i) => set(box, w.hidden[i]));
  set($('#activation'), s.activation);
  set($('#output-activation'), s.output);
  set($('#loss'), s.loss);
  set($('#reduction'), s.reduction);
  set($('#batch-size'), s.batch);
  if (Number($('#eta-number').value) !== s.eta) set($('#eta-number'), s.eta);
  return {
    settings: JSON.parse(window.playground.view.settings_json()),
    status: document.getElementById('status')?.textContent.trim() ?? '',
  };
}

/** The settings (as settings_json names them) that differ from workload `w`. */
function mismatches(got, w) {
  const s = SETTINGS;
  const want = {
    dataset: w.dataset, points: w.points, noise: s.noise, train_fraction: s.trainFraction,
    data_seed: s.dataSeed, hidden: w.hidden, hidden_activation: s.activation,
    output_activation: s.output, loss: s.loss, reduction: s.reduction, eta: s.eta, batch_size: s.batch,
  };
  return Object.entries(want)
    .filter(([k, v]) => JSON.stringify(got[k]) !== JSON.stringify(v) && !(Math.abs(got[k] - v) < 1e-9))
    .map(([k, v]) => `${k} is ${JSON.stringify(got[k])}, not ${JSON.stringify(v)}`);
}

/**
 * Sets workload `w` through the page's controls. Returns { ok: true } or
 * { ok: false, reason } (a sentence for the report; nothing is thrown, since the
 * controls are the page helper's to change).
 */
export async function useWorkload(page, w) {
  try {
    const { settings, status } = await page.evaluate(setControls, { w, s: SETTINGS });
    const wrong = mismatches(settings, w);
    if (wrong.length) {
      return { ok: false, reason: `the controls did not set ${wrong.join('; ')} (status: "${status}")` };
    }
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `setting the controls failed: ${err.message.split('\n')[0]}` };
  }
}
