//! The core's own requests (the cluster [`scan`](super::scan)'s steps): a command sent to a
//! node as a part of its own, redirects followed, its reply handed back as a value.

use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

use parking_lot::Mutex;
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::combine::Combine;
use super::request::{Operation, Part, Recipient};
use super::slots::Address;
use super::ClusterClient;
use crate::batch::CallResult;
use crate::reply::{BulkAs, Failure};
use crate::shape::Expect;

impl ClusterClient {
    /// Sends `packed` to `node` for the core itself and resolves to its reply
    /// (a server error is a `Value::ServerError`). `skipped` leading commands'
    /// replies are dropped. Redirects are followed; the request ends by
    /// `deadline` at the latest.
    pub(super) async fn call(
        &self,
        node: Address,
        packed: Vec<u8>,
        skipped: usize,
        deadline: Option<Instant>,
    ) -> CallResult {
        let replied = self.start_call(node, packed, skipped, deadline);
        replied.await.unwrap_or_else(|_| Err((Failure::Closing, "the client is closed".into())))
    }

    /// [`ClusterClient::call`], sent now; the reply comes through the receiver.
    pub(super) fn start_call(
        &self,
        node: Address,
        packed: Vec<u8>,
        skipped: usize,
        deadline: Option<Instant>,
    ) -> oneshot::Receiver<CallResult> {
        let (reply, replied) = oneshot::channel();
        if self.is_closed() {
            let _ = reply.send(Err((Failure::Closing, "the client is closed".into())));
            return replied;
        }
        let operation = Arc::new(Operation {
            recipient: Recipient::Internal(Mutex::new(Some(reply))),
            expect: Expect::Natural,
            bulk_as: BulkAs::Bytes,
            combine: Combine::Single,
            results: Mutex::new(Vec::new()),
            remaining: AtomicUsize::new(1),
            selects_database: None,
            by_slot: false,
        });
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let part = Part { operation, index: 0, packed: Arc::new(packed), deadline, timeout, node, redirects: 0, retries: 0, skipped };
        self.send(part, false);
        replied
    }
}
