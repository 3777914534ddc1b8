//! The loss curve's data: bounded in memory however long training runs.
//!
//! When the buffer is full, neighbouring points are merged two by two (their
//! losses averaged) and the recording stride doubles: the old part of the curve
//! gets coarser but keeps its shape, and memory never grows past the capacity.

/// Train and test loss after a given number of updates.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LossPoint {
    /// Parameter updates done when the losses were measured.
    pub iteration: u64,
    /// L on the training set.
    pub train: f32,
    /// L on the test set.
    pub test: f32,
}

/// A downsampling record of `LossPoint`s.
#[derive(Clone, Debug, PartialEq)]
pub struct LossHistory {
    kept: Vec<LossPoint>,
    latest: Option<LossPoint>,
    capacity: usize,
    stride: u64,
}

impl LossHistory {
    /// An empty history holding at most `capacity` (at least 4) points.
    pub fn new(capacity: usize) -> LossHistory {
        LossHistory {
            kept: Vec::with_capacity(capacity.max(4)),
            latest: None,
            capacity: capacity.max(4),
            stride: 1,
        }
    }

    /// Adds a measurement. The newest one is always shown; it is kept for good
    /// once it lies a full stride after the last kept point.
    pub fn record(&mut self, point: LossPoint) {
        let due = match self.kept.last() {
            None => true,
            Some(last) => point.iteration >= last.iteration + self.stride,
        };
        if due {
            if self.kept.len() == self.capacity {
                self.merge_pairs();
            }
            self.kept.push(point);
            self.latest = None;
        } else {
            self.latest = Some(point);
        }
    }

    /// The points in order of iteration.
    pub fn points(&self) -> impl Iterator<Item = &LossPoint> + '_ {
        self.kept.iter().chain(self.latest.as_ref())
    }

    /// Number of points `points` yields.
    pub fn len(&self) -> usize {
        self.kept.len() + usize::from(self.latest.is_some())
    }

    /// True before the first measurement.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every point.
    pub fn clear(&mut self) {
        self.kept.clear();
        self.latest = None;
        self.stride = 1;
    }

    /// Halves the kept points: the first (the untrained loss) stays as it is,
    /// the rest merge two by two into their mean at the later iteration.
    fn merge_pairs(&mut self) {
        let mut merged = 1;
        let mut i = 1;
        while i < self.kept.len() {
            let a = self.kept[i];
            let p = match self.kept.get(i + 1) {
                Some(b) => LossPoint {
                    iteration: b.iteration,
                    train: 0.5 * (a.train + b.train),
                    test: 0.5 * (a.test + b.test),
                },
                None => a,
            };
            self.kept[merged] = p;
            merged += 1;
            i += 2;
        }
        self.kept.truncate(merged);
        self.stride *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(i: u64) -> LossPoint {
        LossPoint {
            iteration: i,
            train: 1.0 / (1.0 + i as f32),
            test: 2.0 / (1.0 + i as f32),
        }
    }

    #[test]
    fn stays_bounded_over_a_million_records_and_spans_the_run() {
        let mut h = LossHistory::new(1000);
        for i in 0..1_000_000 {
            h.record(point(i));
        }
        assert!(h.len() <= 1001);
        let pts: Vec<_> = h.points().collect();
        assert_eq!(pts[0].iteration, 0);
        assert_eq!(pts.last().unwrap().iteration, 999_999);
        assert!(pts.windows(2).all(|w| w[0].iteration < w[1].iteration));
        // Downsampled, not dropped: the middle of the run is still there.
        assert!(pts.iter().any(|p| (400_000..600_000).contains(&p.iteration)));
    }

    #[test]
    fn merging_averages_neighbours() {
        let mut h = LossHistory::new(4);
        for i in 0..5 {
            h.record(LossPoint {
                iteration: i,
                train: i as f32,
                test: 0.0,
            });
        }
        let pts: Vec<_> = h.points().map(|p| (p.iteration, p.train)).collect();
        assert_eq!(pts, vec![(0, 0.0), (2, 1.5), (3, 3.0), (4, 4.0)]);
    }
}
