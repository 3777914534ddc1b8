//! Drawing, read back pixel by pixel from a plotters bitmap: the charts and
//! heatmaps, the network diagram's thumbnails (with its weight editor), and the
//! lesson charts' words and marks.

mod charts;
mod diagram;
mod ghosts;
mod lesson_charts;
mod palette;
