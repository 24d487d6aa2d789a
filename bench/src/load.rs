//! The load generator: a closed loop to find saturation, and an open loop at a constant arrival
//! rate to measure latency without coordinated omission (each request's latency counts from
//! when it was due, not from when a busy client got round to sending it).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde::Serialize;

/// One request (or one pair of requests for a workload that counts them together).
pub type Call = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

/// Makes the `n`-th call.
pub type Op = Arc<dyn Fn(u64) -> Call + Send + Sync>;

/// Calls in flight at most in the open loop.
pub const MAX_IN_FLIGHT: usize = 256;

/// The highest arrival rate the open loop is asked for: one client process on a shared 2-core
/// machine cannot time calls more finely (latency goals concern far lower rates).
pub const MAX_RATE: f64 = 4000.0;

/// What one phase measured.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Measured {
    /// Completed calls per second.
    pub throughput: f64,
    /// Latency percentiles in milliseconds.
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub max_ms: f64,
    /// Calls that failed (a transport error or an unexpected status).
    pub errors: u64,
    /// Latency of the successful calls alone, and of the failed ones alone (under overload:
    /// how long an admitted call takes, and how fast a refusal comes), in milliseconds.
    pub ok_p99_ms: f64,
    pub failed_p50_ms: f64,
    pub failed_p99_ms: f64,
    /// Calls made.
    pub calls: u64,
    /// The first failure, to say what went wrong.
    pub first_error: Option<String>,
}

struct Recorder {
    histogram: Histogram<u64>,
    ok: Histogram<u64>,
    failed: Histogram<u64>,
    errors: u64,
    calls: u64,
    first_error: Option<String>,
}

impl Recorder {
    fn new() -> anyhow::Result<Self> {
        Ok(Self {
            histogram: Histogram::new_with_bounds(1, 120_000_000, 3)?,
            ok: Histogram::new_with_bounds(1, 120_000_000, 3)?,
            failed: Histogram::new_with_bounds(1, 120_000_000, 3)?,
            errors: 0,
            calls: 0,
            first_error: None,
        })
    }

    fn record(&mut self, latency: Duration, outcome: &anyhow::Result<()>) {
        self.calls += 1;
        let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX).max(1);
        let micros = micros.min(120_000_000);
        let _ = self.histogram.record(micros);
        let _ = if outcome.is_ok() { &mut self.ok } else { &mut self.failed }.record(micros);
        if let Err(e) = outcome {
            self.errors += 1;
            if self.first_error.is_none() {
                self.first_error = Some(format!("{e:#}"));
            }
        }
    }

    fn finish(&self, elapsed: Duration) -> Measured {
        let ms = |q: f64| self.histogram.value_at_quantile(q) as f64 / 1000.0;
        Measured {
            throughput: (self.calls - self.errors) as f64 / elapsed.as_secs_f64(),
            p50_ms: ms(0.5),
            p99_ms: ms(0.99),
            p999_ms: ms(0.999),
            max_ms: self.histogram.max() as f64 / 1000.0,
            errors: self.errors,
            ok_p99_ms: self.ok.value_at_quantile(0.99) as f64 / 1000.0,
            failed_p50_ms: self.failed.value_at_quantile(0.5) as f64 / 1000.0,
            failed_p99_ms: self.failed.value_at_quantile(0.99) as f64 / 1000.0,
            calls: self.calls,
            first_error: self.first_error.clone(),
        }
    }
}

/// `workers` clients each send the next call as soon as the previous one answers, for
/// `duration`: the most the server completes (saturation).
///
/// # Errors
/// Never in practice (the histogram's bounds are constants).
pub async fn closed_loop(op: &Op, workers: usize, duration: Duration) -> anyhow::Result<Measured> {
    let recorder = Arc::new(Mutex::new(Recorder::new()?));
    let start = Instant::now();
    let deadline = start + duration;
    let counter = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (op, recorder, counter) = (op.clone(), recorder.clone(), counter.clone());
        tasks.push(tokio::spawn(async move {
            while Instant::now() < deadline {
                let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let sent = Instant::now();
                let outcome = op(n).await;
                if let Ok(mut r) = recorder.lock() {
                    r.record(sent.elapsed(), &outcome);
                }
            }
        }));
    }
    for task in tasks {
        task.await?;
    }
    let elapsed = start.elapsed();
    let measured = recorder.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.finish(elapsed);
    Ok(measured)
}

/// Calls arrive at `rate` per second for `duration`, whether or not earlier ones answered;
/// each latency counts from the call's due time. Calls still running `grace` after the end
/// count as errors (the server queued them too long).
///
/// # Errors
/// Never in practice.
pub async fn open_loop(op: &Op, rate: f64, duration: Duration) -> anyhow::Result<Measured> {
    let recorder = Arc::new(Mutex::new(Recorder::new()?));
    let start = tokio::time::Instant::now();
    let total = (rate * duration.as_secs_f64()).ceil() as u64;
    let interval = Duration::from_secs_f64(1.0 / rate.max(0.001));
    let mut tasks = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    // At most this many calls in flight (connections): past it, a call waits for a free slot,
    // and that wait counts in its latency (from its due time), so nothing is omitted.
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_IN_FLIGHT));
    for n in 0..total {
        let due = start + interval.mul_f64(n as f64);
        tokio::time::sleep_until(due).await;
        let slot = slots.clone().acquire_owned().await?;
        let (op, recorder) = (op.clone(), recorder.clone());
        tasks.push(tokio::spawn(async move {
            let outcome = op(n).await;
            drop(slot);
            if let Ok(mut r) = recorder.lock() {
                r.record(due.elapsed(), &outcome);
            }
        }));
    }
    let grace = Duration::from_secs(10);
    let _ = tokio::time::timeout(grace, futures::future::join_all(tasks)).await;
    let elapsed = start.elapsed().min(duration + grace).max(duration);
    let mut r = recorder.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
    let unanswered = total.saturating_sub(r.calls);
    r.errors += unanswered;
    r.calls += unanswered;
    if unanswered > 0 && r.first_error.is_none() {
        r.first_error = Some(format!("{unanswered} calls unanswered after {grace:?}"));
    }
    Ok(r.finish(elapsed.min(duration.mul_f64(1.05)).max(duration)))
}
