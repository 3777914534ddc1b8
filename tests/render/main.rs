//! Drawing, read back pixel by pixel from a plotters bitmap: the charts and
//! heatmaps, the network diagram's thumbnails (with its weight editor), the
//! lesson charts' words and marks, and the Digits view's pictures.

mod charts;
mod diagram;
mod digits;
mod ghosts;
mod lesson_charts;
mod palette;
