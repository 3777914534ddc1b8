//! Which training samples each update sees: the whole set (full batch), or
//! the next k of an order reshuffled at the start of every epoch.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;

/// A seeded sequence of mini-batches over `n` samples.
#[derive(Clone, Debug)]
pub struct BatchOrder {
    order: Vec<usize>,
    cursor: usize,
    rng: StdRng,
}

impl BatchOrder {
    /// Batches over samples 0..n, shuffled by a generator seeded with `seed`.
    pub fn new(n: usize, seed: u64) -> BatchOrder {
        BatchOrder {
            order: (0..n).collect(),
            cursor: n,
            rng: StdRng::seed_from_u64(seed),
        }
    }

    /// The indices of the next batch of size `k`; `None` means "use the whole
    /// set" (k = 0 or k ≥ n). The last batch of an epoch may be shorter.
    pub fn next(&mut self, k: usize) -> Option<&[usize]> {
        let n = self.order.len();
        if k == 0 || k >= n {
            return None;
        }
        if self.cursor >= n {
            self.order.shuffle(&mut self.rng);
            self.cursor = 0;
        }
        let start = self.cursor;
        self.cursor = (start + k).min(n);
        Some(&self.order[start..self.cursor])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_epoch_visits_every_sample_once() {
        let mut b = BatchOrder::new(10, 5);
        for _ in 0..3 {
            let mut seen: Vec<usize> = Vec::new();
            for len in [4, 4, 2] {
                let batch = b.next(4).unwrap();
                assert_eq!(batch.len(), len);
                seen.extend(batch);
            }
            seen.sort_unstable();
            assert_eq!(seen, (0..10).collect::<Vec<_>>());
        }
        assert!(b.next(0).is_none() && b.next(10).is_none());
    }
}
