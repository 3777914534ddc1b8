//! The backend every chart draws on: plotters-canvas, with text measured by
//! the canvas's own `measureText`.
//!
//! Why: plotters measures text (e.g. a legend's box) by adding a `<span>` to
//! the page and reading its `offsetHeight`, which forces a style recalculation
//! and layout of the whole page. A DevTools trace of the page while training
//! showed one such forced layout in every frame. `measureText` needs no page
//! layout.

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// plotters-canvas plus the canvas's 2D context, to measure text with.
pub struct Canvas {
    inner: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl Canvas {
    /// The backend for `canvas`, or the page's sentence if it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Result<Canvas, JsError> {
        let context = super::context_2d(&canvas)?;
        let inner = CanvasBackend::with_canvas_object(canvas).ok_or_else(super::no_canvas)?;
        Ok(Canvas { inner, context })
    }
}

/// What plotters-canvas fails with.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Fail = DrawingErrorKind<CanvasError>;

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Fail> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Fail> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Fail> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Fail> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Fail> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Fail> {
        self.inner.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Fail> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Fail> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), Fail> {
        self.inner.draw_text(text, style, pos)
    }

    /// Width from `measureText` in the font `draw_text` sets; height the font
    /// size (the box plotters lays text out in, baselines being the canvas's).
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), Fail> {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        self.context.set_font(&font);
        let width = self
            .context
            .measure_text(text)
            .map_err(|_| DrawingErrorKind::FontError("the canvas could not measure a text".into()))?
            .width();
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}
