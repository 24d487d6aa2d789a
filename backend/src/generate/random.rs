//! Deterministic randomness for the generator: a SplitMix64 stream (no dependency, the same
//! numbers on every platform and crate version), heavy-tailed weights, exact integer allocation
//! of a total over weights, O(1) weighted sampling, and the daily rhythm of activity.

use uuid::Uuid;

/// The SplitMix64 finaliser: a strong 64-bit mix.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A SplitMix64 stream. Small (one word), fast, and good enough for synthetic data.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    /// The stream of `seed`.
    #[cfg(test)]
    pub(super) const fn new(seed: u64) -> Self {
        Self(mix(seed ^ 0x6473_702D_6765_6E00))
    }

    /// An independent stream for one thing (`domain`, `index`) of the world of `seed`, so that
    /// what one patient draws does not depend on what another drew.
    pub(super) const fn derive(seed: u64, domain: u64, index: u64) -> Self {
        Self(mix(seed ^ mix(domain ^ mix(index.wrapping_add(0x9E37_79B9_7F4A_7C15)))))
    }

    pub(super) const fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1_u64 << 53) as f64)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform index into a slice of length `n`.
    pub(super) fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// Uniform in `lo..hi` (`lo` when the range is empty).
    pub(super) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + self.below((hi - lo) as u64) as i64 }
    }

    /// True with probability `p`.
    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice (`None` for an empty one).
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() { None } else { items.get(self.index(items.len())) }
    }

    /// A Pareto-distributed weight with minimum 1 and tail index `alpha`, capped at `cap`: most
    /// values near 1, a few large ones (the heavy patients).
    pub(super) fn pareto(&mut self, alpha: f64, cap: f64) -> f64 {
        let u = 1.0 - self.unit();
        u.powf(-1.0 / alpha).min(cap)
    }

    /// An exponential draw with the given mean.
    pub(super) fn exponential(&mut self, mean: f64) -> f64 {
        -(1.0 - self.unit()).ln() * mean
    }

    /// A random (version 4) UUID from this stream.
    pub(super) fn uuid(&mut self) -> Uuid {
        let high = self.next_u64().to_be_bytes();
        let low = self.next_u64().to_be_bytes();
        let mut bytes = [0_u8; 16];
        bytes[..8].copy_from_slice(&high);
        bytes[8..].copy_from_slice(&low);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// Splits `total` into integers proportional to `weights` that add up to exactly `total`
/// (largest remainders; ties to the lower index). Non-positive or non-finite weights get 0,
/// unless every weight is, in which case the total is spread evenly.
pub(super) fn allocate(total: u64, weights: &[f64]) -> Vec<u64> {
    let clean: Vec<f64> =
        weights.iter().map(|w| if w.is_finite() && *w > 0.0 { *w } else { 0.0 }).collect();
    let sum: f64 = clean.iter().sum();
    if clean.is_empty() {
        return Vec::new();
    }
    let clean = if sum > 0.0 { clean } else { vec![1.0; weights.len()] };
    let sum: f64 = clean.iter().sum();
    let mut counts = Vec::with_capacity(clean.len());
    let mut remainders = Vec::with_capacity(clean.len());
    let mut given = 0_u64;
    for (i, w) in clean.iter().enumerate() {
        let exact = total as f64 * w / sum;
        let floor = exact.floor();
        counts.push(floor as u64);
        given += floor as u64;
        remainders.push((exact - floor, i));
    }
    // Floating point may overshoot by a unit or two on huge totals: take back from the largest.
    while given > total {
        let Some(largest) = (0..counts.len()).max_by_key(|i| counts[*i]) else { break };
        counts[largest] -= 1;
        given -= 1;
    }
    remainders.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = usize::try_from(total - given).unwrap_or(usize::MAX);
    for (_, i) in remainders.iter().cycle().take(missing) {
        counts[*i] += 1;
    }
    counts
}

/// Weighted sampling in O(1) per draw (Vose's alias method).
#[derive(Debug, Clone)]
pub(super) struct Alias {
    probability: Vec<f64>,
    alias: Vec<u32>,
}

impl Alias {
    /// A table over `weights`; `None` when no weight is positive.
    pub(super) fn new(weights: &[f64]) -> Option<Self> {
        let n = weights.len();
        let sum: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
        if n == 0 || sum <= 0.0 {
            return None;
        }
        let mut scaled: Vec<f64> = weights
            .iter()
            .map(|w| if w.is_finite() && *w > 0.0 { w * n as f64 / sum } else { 0.0 })
            .collect();
        let mut probability = vec![1.0; n];
        let mut alias: Vec<u32> = (0..n).map(|i| i as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|i| scaled[*i] < 1.0);
        while let (Some(s), Some(l)) = (small.pop(), large.last().copied()) {
            probability[s] = scaled[s];
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        Some(Self { probability, alias })
    }

    /// One index, drawn with probability proportional to its weight.
    pub(super) fn sample(&self, rng: &mut Rng) -> usize {
        let i = rng.index(self.probability.len());
        if rng.unit() < self.probability[i] { i } else { self.alias[i] as usize }
    }
}

const DAY_MICROS: i64 = 86_400_000_000;

/// The share of a day's activity done by each hour boundary: (hour, cumulative share). Nights
/// are quiet, mornings and afternoons busy.
const RHYTHM: [(f64, f64); 6] =
    [(0.0, 0.0), (7.0, 0.06), (12.0, 0.48), (14.0, 0.60), (19.0, 0.92), (24.0, 1.0)];

/// Maps an instant of "activity time" (where activity is uniform) to wall-clock time (where it
/// follows the daily rhythm), in microseconds since the epoch. Monotonic and day-preserving, so
/// events generated in activity-time order stay in order, and stay on their day.
pub(super) fn warp(activity_micros: i64) -> i64 {
    let day = activity_micros.div_euclid(DAY_MICROS);
    let share = activity_micros.rem_euclid(DAY_MICROS) as f64 / DAY_MICROS as f64;
    let mut hour = 24.0;
    for pair in RHYTHM.windows(2) {
        let ((h0, s0), (h1, s1)) = (pair[0], pair[1]);
        if share < s1 {
            hour = h0 + (share - s0) / (s1 - s0) * (h1 - h0);
            break;
        }
    }
    let within = ((hour / 24.0) * DAY_MICROS as f64) as i64;
    day * DAY_MICROS + within.clamp(0, DAY_MICROS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_deterministic_and_independent() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new(7).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut x = Rng::derive(7, 1, 2);
        let mut y = Rng::derive(7, 1, 3);
        assert_ne!(x.next_u64(), y.next_u64());
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(r.below(10) < 10);
            let v = r.between(-5, 5);
            assert!((-5..5).contains(&v));
        }
        assert_eq!(r.uuid().get_version_num(), 4);
    }

    #[test]
    fn allocation_is_exact_and_proportional() {
        let counts = allocate(1_000, &[1.0, 1.0, 2.0, 0.0, f64::NAN]);
        assert_eq!(counts, vec![250, 250, 500, 0, 0]);
        let counts = allocate(10, &[1.0, 1.0, 1.0]);
        assert_eq!(counts.iter().sum::<u64>(), 10);
        assert_eq!(counts, vec![4, 3, 3]);
        assert_eq!(allocate(5, &[0.0, 0.0]).iter().sum::<u64>(), 5);
        let mut rng = Rng::new(3);
        let weights: Vec<f64> = (0..100_000).map(|_| rng.pareto(1.6, 200.0)).collect();
        let counts = allocate(3_000_000, &weights);
        assert_eq!(counts.iter().sum::<u64>(), 3_000_000);
    }

    #[test]
    fn pareto_weights_are_heavy_tailed() {
        let mut rng = Rng::new(11);
        let mut weights: Vec<f64> = (0..100_000).map(|_| rng.pareto(1.6, 200.0)).collect();
        assert!(weights.iter().all(|w| (1.0..=200.0).contains(w)));
        weights.sort_by(f64::total_cmp);
        let total: f64 = weights.iter().sum();
        let top_percent: f64 = weights[99_000..].iter().sum();
        let median = weights[50_000];
        // A few heavy ones, most light: the top 1 % hold far more than 1 %, the median is small.
        assert!(top_percent / total > 0.08, "top 1 % holds {}", top_percent / total);
        assert!(median < 2.0, "median {median}");
        assert!(weights[99_999] > 50.0 * median);
    }

    #[test]
    fn alias_sampling_follows_the_weights() {
        let table = Alias::new(&[1.0, 0.0, 3.0]).unwrap();
        let mut rng = Rng::new(5);
        let mut seen = [0_u32; 3];
        for _ in 0..40_000 {
            seen[table.sample(&mut rng)] += 1;
        }
        assert_eq!(seen[1], 0);
        let ratio = f64::from(seen[2]) / f64::from(seen[0]);
        assert!((2.7..3.3).contains(&ratio), "ratio {ratio}");
        assert!(Alias::new(&[0.0]).is_none());
        assert!(Alias::new(&[]).is_none());
    }

    #[test]
    fn the_daily_rhythm_keeps_order_and_day() {
        let day = 20_000 * DAY_MICROS;
        let mut previous = i64::MIN;
        for step in 0..=1_000 {
            let t = day + step * (DAY_MICROS / 1_000) - i64::from(step == 1_000);
            let w = warp(t);
            assert!(w >= previous, "monotonic");
            assert_eq!(w.div_euclid(DAY_MICROS), t.div_euclid(DAY_MICROS), "same day");
            previous = w;
        }
        // Half the activity is done by about 12:20, little before 7:00.
        let noon_share = warp(day + DAY_MICROS / 2) - day;
        assert!(noon_share > 12 * 3_600_000_000 && noon_share < 13 * 3_600_000_000);
        assert!(warp(day + DAY_MICROS / 20) - day < 7 * 3_600_000_000);
    }
}
