// Helpers for tests of the approximation plot (#approx-plot): converting data
// coordinates to the viewport through the view's data_x / data_y, finding a unit's
// curve, reading the ψ curve's pixels, and dragging the mouse along a curve.

/**
 * Viewport coordinates of data point (x, y) on the last drawn plot. data_x and
 * data_y are affine in the pixel, so two samples of each invert them.
 */
export async function toClient(page, x, y) {
  return page.evaluate(async ([dx, dy]) => {
    const view = (await window.playground.lessonHandles()).approx;
    const canvas = document.getElementById('approx-plot');
    const px = ((dx - view.data_x(0)) / (view.data_x(100) - view.data_x(0))) * 100;
    const py = ((dy - view.data_y(0)) / (view.data_y(100) - view.data_y(0))) * 100;
    const rect = canvas.getBoundingClientRect();
    return { x: rect.left + (px * rect.width) / canvas.width, y: rect.top + (py * rect.height) / canvas.height, px, py };
  }, [x, y]);
}

/**
 * A point of the plot (viewport coordinates) on some unit's curve, found by
 * scanning a column: the middle of the first run of rows that pick the same
 * unit, so a rounded mouse position still lands inside unit_at's tolerance.
 */
export async function pointOnUnit(page, atX = 0.35) {
  const { px } = await toClient(page, atX, 0);
  return page.evaluate(async (column) => {
    const view = (await window.playground.lessonHandles()).approx;
    const canvas = document.getElementById('approx-plot');
    const rect = canvas.getBoundingClientRect();
    let first = -1;
    let unit = -1;
    for (let py = 0; py <= canvas.height; py += 1) {
      const k = py < canvas.height ? view.unit_at(column, py) : -1;
      if (first < 0 && k >= 0) {
        first = py;
        unit = k;
      } else if (first >= 0 && k !== unit) {
        const mid = (first + py - 1) / 2;
        return { k: unit, x: rect.left + (column * rect.width) / canvas.width, y: rect.top + (mid * rect.height) / canvas.height };
      }
    }
    return null;
  }, px);
}

/**
 * How many of the columns px − 6 … px + 6 have a dark (ψ-coloured, src/render/palette.rs
 * TARGET) pixel within 5 rows of data point (x, y). A few columns may be covered by a
 * sample dot or the fit, so callers ask for a majority.
 */
export async function darkColumnsNear(page, x, y) {
  const { px, py } = await toClient(page, x, y);
  return page.evaluate(([cx, cy]) => {
    const ctx = document.getElementById('approx-plot').getContext('2d');
    const data = ctx.getImageData(Math.round(cx) - 6, Math.round(cy) - 5, 13, 11).data;
    let columns = 0;
    for (let col = 0; col < 13; col += 1) {
      let dark = false;
      for (let row = 0; row < 11; row += 1) {
        const i = 4 * (row * 13 + col);
        if (data[i] < 90 && data[i + 1] < 90 && data[i + 2] < 90) dark = true;
      }
      if (dark) columns += 1;
    }
    return columns;
  }, [px, py]);
}

/** Drags the mouse through data points (x, y) on the plot, pressing at the first. */
export async function dragThrough(page, points, { release = true } = {}) {
  const start = await toClient(page, ...points[0]);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const [x, y] of points.slice(1)) {
    const p = await toClient(page, x, y);
    await page.mouse.move(p.x, p.y, { steps: 2 });
  }
  if (release) await page.mouse.up();
}
