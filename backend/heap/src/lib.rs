//! Heap accounting for the benchmark: the server's global allocator wraps mimalloc in
//! [`Counting`], which, while [`enable`]d (during a benchmark's memory probe only), keeps the
//! bytes allocated and their peak. The probe reads them to measure memory per concurrent call
//! (uploads, exports) exactly, where the process's resident size would hide it behind what the
//! allocator retains. Disabled, the cost is one relaxed load per allocation; enabled, two atomic
//! updates of shared counters, which slow a busy server measurably: never enable it while
//! measuring throughput.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

static ENABLED: AtomicBool = AtomicBool::new(false);
/// Bytes allocated minus freed since [`enable`] (frees of older blocks make it relative).
static LIVE: AtomicI64 = AtomicI64::new(0);
/// The highest `LIVE` since the last [`reset_peak`].
static PEAK: AtomicI64 = AtomicI64::new(0);

/// An allocator that counts what `A` hands out while enabled.
#[derive(Debug, Default)]
pub struct Counting<A>(pub A);

fn grew(bytes: usize) {
    let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(i64::try_from(bytes).unwrap_or(i64::MAX), Ordering::Relaxed);
}

// SAFETY: every call is passed unchanged to `A`; the counters only observe sizes.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, forwarded.
        let block = unsafe { self.0.alloc(layout) };
        if !block.is_null() && ENABLED.load(Ordering::Relaxed) {
            grew(layout.size());
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, forwarded.
        let block = unsafe { self.0.alloc_zeroed(layout) };
        if !block.is_null() && ENABLED.load(Ordering::Relaxed) {
            grew(layout.size());
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, forwarded.
        unsafe { self.0.dealloc(block, layout) };
        if ENABLED.load(Ordering::Relaxed) {
            shrank(layout.size());
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, forwarded.
        let moved = unsafe { self.0.realloc(block, layout, new_size) };
        if !moved.is_null() && ENABLED.load(Ordering::Relaxed) {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        moved
    }
}

/// Starts counting (benchmark mode). Blocks allocated before are not counted, and their frees
/// lower the count: read differences over a short window, not absolute levels.
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

/// Stops counting.
pub fn disable() {
    ENABLED.store(false, Ordering::Relaxed);
}

/// Whether the counters are running (the process's allocator is [`Counting`] and it is enabled).
#[must_use]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Starts a new peak at the current level.
pub fn reset_peak() {
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
}

/// The bytes allocated now and the peak since the last reset (both relative to the same origin).
#[must_use]
pub fn live_and_peak() -> (i64, i64) {
    (LIVE.load(Ordering::Relaxed), PEAK.load(Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_growth_and_peak_through_the_wrapped_allocator() {
        let counting = Counting(std::alloc::System);
        enable();
        reset_peak();
        let (before, _) = live_and_peak();
        let layout = Layout::from_size_align(1 << 20, 8).unwrap_or_else(|_| unreachable!());
        // SAFETY: a valid non-zero layout; the block is freed with the same layout.
        unsafe {
            let block = counting.alloc(layout);
            assert!(!block.is_null());
            let bigger = counting.realloc(block, layout, 2 << 20);
            assert!(!bigger.is_null());
            let (live, peak) = live_and_peak();
            assert!(live - before >= 2 << 20, "live grew by {}", live - before);
            assert!(peak >= live);
            counting.dealloc(
                bigger,
                Layout::from_size_align(2 << 20, 8).unwrap_or_else(|_| unreachable!()),
            );
        }
        let (after, peak) = live_and_peak();
        assert!(peak - before >= 2 << 20, "the peak kept the 2 MiB");
        assert!(after - before < 1 << 20, "the free was counted");
    }
}
