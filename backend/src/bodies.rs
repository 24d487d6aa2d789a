//! Wrappers around the bodies that cross the HTTP layer: what the server sends ([`Guarded`]) and
//! what a client sends ([`MinRate`]). They own only how a body is polled, never what it holds.
//!
//! - [`Guarded`], around every response body: once the body has ended it stays ended (the
//!   compression layer polls a body again after its end, and a stream that forbids that, such as
//!   `futures_util::stream::unfold`, panics: tower-http issue 732), and a panic while producing a
//!   body becomes an error that aborts the response. An aborted HTTP/1.1 response never ends its
//!   chunked encoding (nor reaches its `Content-Length`), so the browser reports a failed
//!   download instead of saving a file cut short; the panic is logged with the request's span.
//! - [`MinRate`], around every request body: a client that sends a body slower than a minimum
//!   rate (fewer than `rate × window` bytes while the server waited `window` for them) gets an
//!   error instead of holding its request, and its slot among the requests in work, for as long
//!   as it likes. Only the time spent waiting for the client counts, so a handler that is slow to
//!   read (back-pressure) never makes a fast client look slow.

use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use hyper::body::{Frame, SizeHint};

/// The error a response body reports when producing it panicked.
#[derive(Debug, thiserror::Error)]
#[error("the response body panicked while it was produced: the response is aborted")]
pub struct BodyPanicked;

/// A response body that ends once and turns a panic into an error (see the module comment).
#[derive(Debug)]
pub struct Guarded {
    inner: Body,
    ended: bool,
}

impl Guarded {
    /// Wraps a response body.
    #[must_use]
    pub const fn new(inner: Body) -> Self {
        Self { inner, ended: false }
    }

    /// A response with its body guarded (the `map_response` of the router's layers).
    pub fn response(response: axum::response::Response) -> axum::response::Response {
        response.map(|body| Body::new(Self::new(body)))
    }
}

impl HttpBody for Guarded {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if self.ended {
            return Poll::Ready(None);
        }
        let polled =
            std::panic::catch_unwind(AssertUnwindSafe(|| Pin::new(&mut self.inner).poll_frame(cx)));
        match polled {
            Ok(Poll::Ready(None)) => {
                self.ended = true;
                Poll::Ready(None)
            }
            Ok(Poll::Ready(Some(Err(error)))) => {
                // An error aborts the response; nothing after it is read.
                self.ended = true;
                Poll::Ready(Some(Err(error)))
            }
            Ok(other) => other,
            Err(_) => {
                self.ended = true;
                tracing::error!("a response body panicked: the response is aborted");
                Poll::Ready(Some(Err(axum::Error::new(BodyPanicked))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.ended || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        if self.ended { SizeHint::with_exact(0) } else { self.inner.size_hint() }
    }
}

/// The error a request body reports when its client sent it too slowly.
#[derive(Debug, thiserror::Error)]
#[error("the client sent the request body too slowly")]
pub struct BodyTooSlow;

/// Set when a request's body was cut for being too slow, so that the API answers `408`
/// (`request_timeout`) whatever the handler made of the failed read. Shared between the body and
/// the request's extensions.
#[derive(Debug, Clone, Default)]
pub struct TooSlow(Arc<AtomicBool>);

impl TooSlow {
    /// Whether the request's body was cut.
    #[must_use]
    pub fn happened(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// The least pace of a request body: at least `bytes_per_second × window` bytes for every
/// `window` that the server waits for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinRateLimit {
    /// How long the server waits, in all, for one quota of bytes.
    pub window: Duration,
    /// The least average pace over a window.
    pub bytes_per_second: u64,
}

impl MinRateLimit {
    fn quota(self) -> u64 {
        let millis = u64::try_from(self.window.as_millis()).unwrap_or(u64::MAX);
        (self.bytes_per_second.saturating_mul(millis) / 1000).max(1)
    }
}

/// A request body that fails when its client is slower than a [`MinRateLimit`].
#[derive(Debug)]
pub struct MinRate<B> {
    inner: B,
    limit: MinRateLimit,
    quota: u64,
    /// Bytes received in the current window.
    received: u64,
    /// Time spent waiting in the current window, not counting the wait in progress.
    waited: Duration,
    /// When the wait in progress started, and its deadline.
    waiting: Option<(tokio::time::Instant, Pin<Box<tokio::time::Sleep>>)>,
    too_slow: TooSlow,
    failed: bool,
}

impl<B> MinRate<B> {
    /// Wraps a request body; `too_slow` is set if it is cut.
    pub fn new(inner: B, limit: MinRateLimit, too_slow: TooSlow) -> Self {
        Self {
            inner,
            limit,
            quota: limit.quota(),
            received: 0,
            waited: Duration::ZERO,
            waiting: None,
            too_slow,
            failed: false,
        }
    }

    /// Ends the wait in progress and counts what arrived.
    fn arrived(&mut self, bytes: u64) {
        if let Some((since, _)) = self.waiting.take() {
            self.waited += since.elapsed();
        }
        self.received = self.received.saturating_add(bytes);
        if self.received >= self.quota {
            // The quota of this window is met: a new window starts.
            self.received = 0;
            self.waited = Duration::ZERO;
        }
    }
}

impl<B> HttpBody for MinRate<B>
where
    B: HttpBody<Data = Bytes> + Unpin,
    B::Error: Into<axum::BoxError>,
{
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::BoxError>>> {
        if self.failed {
            return Poll::Ready(None);
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                let bytes = frame.data_ref().map_or(0, |d| d.len() as u64);
                self.arrived(bytes);
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(error))) => Poll::Ready(Some(Err(error.into()))),
            Poll::Ready(None) => {
                self.waiting = None;
                Poll::Ready(None)
            }
            Poll::Pending => {
                let left = self.limit.window.saturating_sub(self.waited);
                let (_, deadline) = self.waiting.get_or_insert_with(|| {
                    let now = tokio::time::Instant::now();
                    (now, Box::pin(tokio::time::sleep_until(now + left)))
                });
                if deadline.as_mut().poll(cx).is_ready() {
                    self.failed = true;
                    self.waiting = None;
                    self.too_slow.0.store(true, Ordering::Relaxed);
                    tracing::debug!("request body too slow: cut");
                    return Poll::Ready(Some(Err(Box::new(BodyTooSlow))));
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.failed || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt as _;

    async fn frames(body: Body) -> Vec<Result<Bytes, String>> {
        let mut stream = body.into_data_stream();
        let mut out = Vec::new();
        while let Some(item) = stream.next().await {
            out.push(item.map_err(|e| e.to_string()));
        }
        out
    }

    #[tokio::test]
    async fn a_body_polled_after_its_end_stays_ended() {
        let stream = futures_util::stream::unfold(0, |n| async move {
            (n < 2).then(|| (Ok::<_, std::io::Error>(Bytes::from(vec![b'a'; 3])), n + 1))
        });
        let mut guarded = Guarded::new(Body::from_stream(stream));
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let mut seen = Vec::new();
        for _ in 0..5 {
            match Pin::new(&mut guarded).poll_frame(&mut cx) {
                Poll::Ready(Some(Ok(frame))) => seen.push(frame.into_data().unwrap()),
                Poll::Ready(None) => seen.push(Bytes::new()),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(seen, ["aaa", "aaa", "", "", ""], "no panic after the end");
        assert!(guarded.is_end_stream());
    }

    #[tokio::test]
    async fn a_panic_while_producing_a_body_is_an_error_that_ends_it() {
        let stream = futures_util::stream::iter(0..3).map(|n| {
            assert!(n < 1, "a bug in a stream");
            Ok::<_, std::io::Error>(Bytes::from_static(b"row\n"))
        });
        let seen = frames(Body::new(Guarded::new(Body::from_stream(stream)))).await;
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert_eq!(seen[0], Ok(Bytes::from_static(b"row\n")));
        assert!(seen[1].as_ref().is_err_and(|e| e.contains("panicked")), "{seen:?}");
    }

    fn dripping(
        every: Duration,
        chunks: usize,
    ) -> impl futures_core::Stream<Item = Result<Bytes, std::io::Error>> {
        futures_util::stream::unfold(0, move |n| async move {
            if n == chunks {
                return None;
            }
            tokio::time::sleep(every).await;
            Some((Ok(Bytes::from_static(b"0123456789")), n + 1))
        })
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_slower_than_the_minimum_rate_is_cut() {
        let limit = MinRateLimit { window: Duration::from_secs(10), bytes_per_second: 100 };
        // 10 bytes a second: a tenth of the least pace.
        let slow = Body::from_stream(dripping(Duration::from_secs(1), 100));
        let too_slow = TooSlow::default();
        let seen = frames(Body::new(MinRate::new(slow, limit, too_slow.clone()))).await;
        assert!(seen.last().unwrap().as_ref().is_err_and(|e| e.contains("too slowly")));
        assert_eq!(seen.len(), 11, "ten chunks in the ten seconds, then cut: {seen:?}");
        assert!(too_slow.happened());
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_at_the_minimum_rate_and_a_slow_reader_are_not_cut() {
        let limit = MinRateLimit { window: Duration::from_secs(10), bytes_per_second: 10 };
        let steady = Body::from_stream(dripping(Duration::from_secs(1), 60));
        let too_slow = TooSlow::default();
        let seen = frames(Body::new(MinRate::new(steady, limit, too_slow.clone()))).await;
        assert_eq!(seen.len(), 60, "a minute at the least pace");
        assert!(seen.iter().all(Result::is_ok) && !too_slow.happened());

        // The server reads slowly (30 s between reads) from a client that is always ready.
        let ready = Body::from_stream(futures_util::stream::iter(
            (0..3).map(|_| Ok::<_, std::io::Error>(Bytes::from_static(b"x"))),
        ));
        let mut body = MinRate::new(ready, limit, TooSlow::default());
        let mut cx = Context::from_waker(std::task::Waker::noop());
        for _ in 0..3 {
            tokio::time::sleep(Duration::from_secs(30)).await;
            let frame = Pin::new(&mut body).poll_frame(&mut cx);
            assert!(matches!(frame, Poll::Ready(Some(Ok(_)))), "{frame:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_stalled_body_is_cut_after_the_window() {
        let limit = MinRateLimit { window: Duration::from_secs(5), bytes_per_second: 1 };
        let stalled =
            Body::from_stream(futures_util::stream::pending::<Result<Bytes, std::io::Error>>());
        let started = tokio::time::Instant::now();
        let seen = frames(Body::new(MinRate::new(stalled, limit, TooSlow::default()))).await;
        assert_eq!(seen.len(), 1);
        assert!(seen[0].is_err());
        assert_eq!(started.elapsed(), Duration::from_secs(5));
    }
}
