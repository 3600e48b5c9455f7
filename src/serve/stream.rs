//! A response body written by blocking work as it goes: the fact table of a large index is
//! streamed in chunks instead of built in memory, with backpressure (the writer waits while
//! the client is slow) and an end when the client leaves.

use std::io::{self, Write};
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Bytes;
use tokio::sync::{mpsc, oneshot};

/// Bytes gathered before a chunk is sent.
const CHUNK: usize = 64 << 10;

/// Chunks on their way to the client, at most this many at a time.
const IN_FLIGHT: usize = 4;

/// The writing end, used on a blocking thread.
pub(crate) struct ChunkWriter {
    buffer: Vec<u8>,
    sender: mpsc::Sender<io::Result<Bytes>>,
    started: Option<oneshot::Sender<()>>,
}

/// The reading end: the body's stream of chunks, and a signal that the first chunk is ready
/// (or the writer is done), so that the status can still be an error until then.
pub(crate) struct Chunks {
    pub receiver: ChunkStream,
    pub started: oneshot::Receiver<()>,
}

/// A writer and the chunks it sends.
pub(crate) fn channel() -> (ChunkWriter, Chunks) {
    let (sender, receiver) = mpsc::channel(IN_FLIGHT);
    let (started, started_rx) = oneshot::channel();
    let writer = ChunkWriter {
        buffer: Vec::with_capacity(CHUNK),
        sender,
        started: Some(started),
    };
    let chunks = Chunks {
        receiver: ChunkStream(receiver),
        started: started_rx,
    };
    (writer, chunks)
}

impl ChunkWriter {
    fn send(&mut self) -> io::Result<()> {
        if let Some(started) = self.started.take() {
            let _ = started.send(());
        }
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        self.sender
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client left"))
    }

    /// Sends what is left: the body is complete.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.send()
    }

    /// Where to report an error that ends the body early: sent after the chunks already
    /// written, it cuts the response, so the client cannot take a partial table for a whole.
    pub(crate) fn errors(&self) -> ErrorSender {
        ErrorSender(self.sender.clone())
    }
}

/// Ends a body with an error.
pub(crate) struct ErrorSender(mpsc::Sender<io::Result<Bytes>>);

impl ErrorSender {
    /// Sends `error` as the body's last item (nothing if the client has left).
    pub(crate) fn send(&self, error: impl std::fmt::Display) {
        let _ = self
            .0
            .blocking_send(Err(io::Error::other(error.to_string())));
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    /// Chunks go when full and at [`ChunkWriter::finish`]; a row's flush does not send one.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The chunks as a body stream.
pub(crate) struct ChunkStream(mpsc::Receiver<io::Result<Bytes>>);

impl futures_core::Stream for ChunkStream {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(context)
    }
}
