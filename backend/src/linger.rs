//! Reading the rest of a request body that was answered without being read.
//!
//! A refusal often comes before the body is read: no session, the declared type or size refused,
//! the first bytes of an upload refused. hyper then stops reading and closes the connection once
//! the answer is written, while the client may still be sending megabytes; the kernel resets a
//! connection closed with unread data, and the client (a browser too) reports a network error
//! instead of the answer it was sent. So a request body left unread when the handler drops it is
//! read and discarded in the background, as nginx's lingering close does: the answer leaves at
//! once, the client finishes sending and reads it, and the connection stays usable. The work is
//! bounded: a body longer than [`Linger::max_bytes`] (declared, or once that much is read) and
//! one still arriving after [`Linger::within`] are cut off as before.
//!
//! It never reads a body the client has not sent yet because it awaits `100 Continue`: hyper
//! answers such a client without asking for the body; nor one cut for coming too slowly (see
//! `crate::bodies`): that client is answered `408` and its connection closed at once.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, header};
use hyper::body::{Body as _, Frame, Incoming, SizeHint};

use crate::bodies::TooSlow;

/// How much of an unread body is read and discarded, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Linger {
    /// At most this many bytes (a longer body is cut off).
    pub max_bytes: u64,
    /// At most this long.
    pub within: Duration,
}

impl Linger {
    /// The bounds for a server whose uploads may reach `max_document_bytes`: a document up to
    /// twice too large is still refused with its answer; 30 s, nginx's `lingering_time`.
    #[must_use]
    pub const fn for_documents_up_to(max_document_bytes: u64) -> Self {
        Self { max_bytes: max_document_bytes.saturating_mul(2), within: Duration::from_secs(30) }
    }

    /// The request's body, which reads and discards its own rest in the background if it is
    /// dropped unread (unless `too_slow` says it was cut for its pace).
    pub fn wrap(self, headers: &HeaderMap, body: Incoming, too_slow: TooSlow) -> Body {
        let awaits_continue = headers
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        Body::new(Lingering {
            body: Some(body),
            bounds: self,
            awaits_continue,
            polled: false,
            too_slow,
        })
    }
}

/// A request body that drains itself when dropped unread (see the module).
struct Lingering {
    /// `None` once it ended (or failed).
    body: Option<Incoming>,
    bounds: Linger,
    /// The client waits for `100 Continue` before sending the body.
    awaits_continue: bool,
    /// The handler asked for the body (hyper then told the client to continue).
    polled: bool,
    /// Set when the body was cut for coming too slowly: nothing more is waited for.
    too_slow: TooSlow,
}

impl hyper::body::Body for Lingering {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let this = &mut *self;
        let Some(body) = this.body.as_mut() else { return Poll::Ready(None) };
        this.polled = true;
        let frame = Pin::new(body).poll_frame(cx);
        if matches!(frame, Poll::Ready(None | Some(Err(_)))) {
            this.body = None;
        }
        frame
    }

    fn is_end_stream(&self) -> bool {
        self.body.as_ref().is_none_or(Incoming::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        self.body.as_ref().map_or_else(|| SizeHint::with_exact(0), Incoming::size_hint)
    }
}

impl Drop for Lingering {
    fn drop(&mut self) {
        let Some(body) = self.body.take() else { return };
        if body.is_end_stream()
            || (self.awaits_continue && !self.polled)
            || self.too_slow.happened()
            || body.size_hint().lower() > self.bounds.max_bytes
        {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else { return };
        runtime.spawn(drain(body, self.bounds));
    }
}

/// Reads and discards `body` within the bounds, then drops it (hyper closes the connection if
/// it did not end).
async fn drain(mut body: Incoming, bounds: Linger) {
    let read = async {
        let mut read: u64 = 0;
        while let Some(Ok(frame)) =
            std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        {
            read += frame.data_ref().map_or(0, |data| data.len() as u64);
            if read > bounds.max_bytes {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(bounds.within, read).await;
}
