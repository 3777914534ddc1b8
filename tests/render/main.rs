//! Drawing, read back pixel by pixel from a plotters bitmap: the charts and
//! heatmaps, and the network diagram's thumbnails (with its weight editor).

mod charts;
mod diagram;
