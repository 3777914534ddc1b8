// The lecture's lessons: what the Lessons menu offers. Each lesson names its view,
// explains itself in one or two sentences in the lecture's notation, and sets every
// parameter it needs through the page's own controls (ctx.set fires the same
// 'change' a user's edit fires), so the controls, the status line and the address
// always describe what is on screen, and every value stays open to change.

/**
 * What a lesson may do to the page (built in menu.js).
 * @typedef {object} LessonContext
 * @property {(view: string) => void} show  shows a view (tab)
 * @property {(id: string, value: string|number|boolean) => void} set  sets a control as a user would
 * @property {(id: string) => void} click  clicks a button
 * @property {(widths: number[]) => void} setHidden  the classifier's hidden widths
 * @property {(playing: boolean) => void} play  starts or pauses the loop
 * @property {(k: number) => void} inspectorStep  the backprop inspector's step (0 = the input)
 */

/**
 * One lesson of the menu.
 * @typedef {object} Lesson
 * @property {string} id  its name in the address (?lesson=…)
 * @property {string} title
 * @property {string|((value: (id: string) => string) => string)} text  one or two sentences; a function
 *   of the controls' values (value(id)) for a text that states them, rewritten after every change
 * @property {string} view  the view its setup shows (main.js loads a lesson view's module first)
 * @property {(ctx: LessonContext) => void} setup
 * @property {{label: string, title: string, run: (ctx: LessonContext) => void}[]} [actions]
 */

/** The classifier's settings every classification lesson starts from (then changes some). */
function classifierBase(ctx, { dataset, hidden, activation, output, eta }) {
  ctx.show('classify');
  ctx.play(false);
  ctx.set('weight-seed', 1);
  ctx.set('points', 200);
  ctx.set('noise', 0.1);
  ctx.set('train-fraction', 0.5);
  ctx.set('data-seed', 1);
  ctx.set('dataset', dataset);
  ctx.setHidden(hidden);
  ctx.set('activation', activation);
  ctx.set('output-activation', output);
  ctx.set('loss', 'mse');
  ctx.set('reduction', 'mean');
  // Plain inputs x(0) = (x₁, x₂), switched on before the others go off so the set is never empty.
  ['x1', 'x2'].forEach((f) => ctx.set(`feature-${f}`, true));
  ['x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'].forEach((f) => ctx.set(`feature-${f}`, false));
  ctx.set('discretize', false);
  ctx.set('eta-number', eta);
  ctx.set('steps-per-frame', 10);
  ctx.set('batch-size', '');
  // The lessons show plain gradient descent w ← w − η∇ℒ on ℒ alone, running until paused.
  ctx.set('optimizer', 'gd');
  ctx.set('regularization', 'none');
  ctx.set('stop', 'none');
  // What the chart and the plot show: the view's defaults, and nothing an earlier lesson
  // (or the user) switched on — the lessons that need the collapse line or the inspector
  // switch them on after this.
  ctx.set('log-scale', true);
  ctx.set('show-test', true);
  ctx.set('show-collapse', false);
  ctx.set('inspector-toggle', false);
  ctx.set('plane-mode', 'off');
  ctx.click('clear-ghosts');
}

/** Switches the hidden σ of the classification view (an action button of two lessons). */
const hiddenSigma = (value, label, title, play) => ({
  label, title,
  run(ctx) {
    ctx.set('activation', value);
    if (play) ctx.play(true);
  },
});

/** Runs gradient descent on a curve from w₀ with η (an action button of the GD lesson). */
const gdRun = (curve, w0, eta, label, title) => ({
  label, title,
  run(ctx) {
    ctx.set('gd-curve-select', curve);
    ctx.set('gd-w0', w0);
    ctx.set('gd-eta', eta);
    ctx.play(true);
  },
});

/** @type {Lesson[]} */
export const LESSONS = [
  {
    id: 'approximation',
    view: 'approx',
    title: 'Universal approximation, unit by unit',
    text: 'As in the slides: f(x) = σ(w₁x + b₁) + σ(w₂x + b₂) + … with steep sigmoids is a staircase; '
      + 'press Step to add one unit at a time (Play adds one per frame): each cuts the piece where the error is largest, '
      + 'so ε = max |ψ(x) − f(x)| never rises as K grows (it stays at 1 while a piece still spans a crest and a trough of sin).',
    setup(ctx) {
      ctx.show('approx');
      ctx.play(false);
      ctx.set('approx-target', 'sin');
      ctx.set('approx-activation', 'sigmoid');
      ctx.set('approx-mode', 'constructed');
      // The terms ω_k σ(w_k x + b_k) drawn one by one, as in the slides.
      ctx.set('approx-show-units', true);
      ctx.set('approx-log-scale', true);
      ctx.click('reset');
    },
  },
  {
    id: 'tanh-relu',
    view: 'classify',
    title: 'tanh versus ReLU',
    text: 'Same data, same seeds, same η: only σ changes. tanh gives a smooth, rounded boundary; with ReLU max(0, x) '
      + 'the network f is piecewise affine, so its boundary is made of straight pieces.',
    setup(ctx) {
      classifierBase(ctx, { dataset: 'circle', hidden: [8, 8], activation: 'tanh', output: 'tanh', eta: 0.1 });
      ctx.play(true);
    },
    actions: [
      hiddenSigma('tanh', 'σ = tanh', 'Hidden σ(x) = tanh x = 2/(1 + e⁻²ˣ) − 1: model rebuilt from the same weight seed and trained again.', true),
      hiddenSigma('relu', 'σ = ReLU', 'Hidden σ(x) = max(0, x): model rebuilt from the same weight seed and trained again.', true),
    ],
  },
  {
    id: 'gradient-descent',
    view: 'gd',
    title: 'Gradient descent and the step η',
    text: 'Each step w_(t+1) = w_t − η L′(w_t) jumps to the minimum of the quadratic model L̃ (dashed pink), whose curvature is 1/η. '
      + 'On (w − 1)², where L″ = 2: small η crawls, η between ½ and 1 converges while oscillating around the minimum, '
      + 'η above 1 = 2/L″ diverges. On two wells, w₀ decides which local minimum is found: drag it and read the map.',
    setup(ctx) {
      ctx.show('gd');
      ctx.play(false);
      ctx.set('gd-curve-select', 'quadratic');
      ctx.set('gd-w0', 3);
      ctx.set('gd-eta', 0.3);
    },
    actions: [
      gdRun('quadratic', 3, 0.05, 'η = 0.05: crawls', 'Small η: the quadratic model is very curved (1/η = 20), each step is short.'),
      gdRun('quadratic', 3, 0.8, 'η = 0.8: oscillates', 'η between ½ and 1 on (w − 1)²: each step overshoots the minimum, by less each time.'),
      gdRun('quadratic', 3, 1.05, 'η = 1.05: diverges', 'η above 2/L″ = 1: each step overshoots by more than it corrects, |w_t − 1| grows.'),
      gdRun('two-wells', -3, 0.5, 'two wells, w₀ = −3', 'Two local minima: from the left, gradient descent stops in the left one.'),
      gdRun('two-wells', 2.5, 0.5, 'two wells, w₀ = 2.5', 'From the right it stops in the other one: the result depends on w₀.'),
    ],
  },
  {
    id: 'logistic-lda',
    view: 'logistic',
    title: 'Logistic regression versus LDA',
    text: (value) => {
      const [pos, neg] = [value('lr-spread-pos'), value('lr-spread-neg')];
      const spreads = Number(pos) === Number(neg)
        ? `Both classes have spread ${pos}: LDA's assumption of one shared covariance holds, and its boundary (dashed) `
          + 'comes close to the logistic one.'
        : `The classes have different spreads (${pos} for y = +1, ${neg} for y = −1), so LDA's shared-covariance `
          + 'boundary (dashed) is not the logistic one.';
      return 'The notes\' figure: 100 points, P(Y = 1 | x) = σ(w·x + b), gradient descent on ℒ = −Σ log σ(y (w·x + b)) '
        + `with η = ${value('lr-eta')}, after 10, 100, 1000 and 10000 iterations. ${spreads} `
        + 'The table gives ℒ at each snapshot and on LDA\'s boundary.';
    },
    setup(ctx) {
      ctx.show('logistic');
      ctx.play(false);
      ctx.set('lr-weight-seed', 1);
      ctx.set('lr-eta', 0.1);
      ctx.set('lr-spread-pos', 1);
      ctx.set('lr-spread-neg', 0.5);
      ctx.set('lr-seed', 1);
      ctx.set('lr-show-lda', true);
    },
    actions: [
      {
        label: 'equal spreads', title: 'Both classes with spread 0.5: LDA\'s assumption of one shared covariance holds, and the two boundaries come close.',
        run(ctx) { ctx.set('lr-spread-pos', 0.5); ctx.set('lr-spread-neg', 0.5); },
      },
      {
        label: 'very different spreads', title: 'Spreads 1.2 and 0.2: LDA\'s shared covariance is wrong, and its boundary moves away from the logistic one.',
        run(ctx) { ctx.set('lr-spread-pos', 1.2); ctx.set('lr-spread-neg', 0.2); },
      },
    ],
  },
  {
    id: 'collapse',
    view: 'classify',
    title: 'Why σ must be non-linear: the linear collapse',
    text: 'With σ(x) = x every layer is affine, so the whole MLP is one affine map f(x) = A x + B (the notes\' recurrence '
      + 'A(l) = w(l) A(l−1), B(l) = w(l) B(l−1) + b(l)): the dashed boundary of A x + B lies on the network\'s own, and its '
      + '3 numbers replace all the network\'s parameters. Switch σ to tanh: the dashed line no longer matches.',
    setup(ctx) {
      // A 2 → 8 → 8 → 1 identity network on these points diverges from η = 0.02 (in 12
      // iterations; 0.03 in 8) and still trains at 0.01: 0.005 leaves a margin of 4.
      classifierBase(ctx, { dataset: 'xor', hidden: [8, 8], activation: 'identity', output: 'identity', eta: 0.005 });
      ctx.set('show-collapse', true);
    },
    actions: [
      hiddenSigma('tanh', 'σ = tanh', 'Hidden σ = tanh: the network is no longer affine, and A x + B (computed with σ(x) = x) no longer matches it.', false),
      hiddenSigma('identity', 'σ = identity', 'Hidden σ(x) = x again: the network is exactly the affine map A x + B.', false),
    ],
  },
  {
    id: 'backprop',
    view: 'classify',
    title: 'Back-propagation on a small MLP',
    text: 'A 2 → 3 → 1 tanh network and one training sample: Next walks through the forward pass s(l) = w(l) x(l−1) + b(l), '
      + 'x(l) = σ(s(l)), then the backward pass from ∂ℓ/∂x(L) down to layer 1, each value on the diagram. The gradient '
      + 'check compares with finite differences; the cost compares the two passes with the notes\' "backward ≈ 2 × forward".',
    setup(ctx) {
      classifierBase(ctx, { dataset: 'xor', hidden: [3], activation: 'tanh', output: 'tanh', eta: 0.1 });
      ctx.set('bp-sample', 0);
      ctx.set('inspector-toggle', true);
      ctx.inspectorStep(0);
    },
  },
  {
    id: 'practical-digits',
    view: 'digits',
    title: 'The practical: digits',
    text: 'The practical session\'s recipe: 784 → 50 → 10, tanh on both layers, ℒ = Σ ‖x(2) − t‖² with t = ±0.9, every weight '
      + 'and bias from N(0, ε²) with ε = 10⁻⁶, 1000 training and 1000 test digits, full-batch gradient-descent steps with η = 0.1 / 1000. '
      + 'The handout reports 3.6 % training error and 15.70 % test error after 1000 steps; press Play and compare.',
    setup(ctx) {
      ctx.show('digits');
      ctx.play(false);
      ctx.set('dg-train', 1000);
      ctx.set('dg-test', 1000);
      ctx.set('dg-seed', 1);
      ctx.set('dg-width', 50);
      ctx.set('dg-activation', 'tanh');
      ctx.set('dg-loss-function', 'mse');
      ctx.set('dg-epsilon', 0.000001);
      ctx.set('dg-weight-seed', 1);
      ctx.set('dg-eta', 0.0001);
      ctx.set('dg-optimizer', 'gd');
      ctx.set('dg-batch', 0);
    },
  },
];
