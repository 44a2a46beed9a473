//! A lazy cluster client (`lazyConnect`) reads its slot map on its first command, as
//! valkey-glide's does, not in `createClient`: a service can create its client before the
//! cluster is reachable. Commands that come before the map wait for it (the first one
//! starts reading it), then go on as any other; if it cannot be read they fail with the
//! reason, and the next command tries again.
//!
//! Once the map is there a command pays one atomic load for this.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::Mutex;

use super::ClusterClient;
use crate::client::Rejection;
use crate::completion;
use crate::reply::{Failure, Outcome};
use crate::runtime;

/// Sends a waiting command once the slot map is there.
type Resume = Box<dyn FnOnce(&Arc<ClusterClient>) -> Result<(), Rejection> + Send>;

pub(super) struct SlotMapWait {
    /// The slot map was read: commands go on at once. Set once, before `waiting` is drained.
    ready: AtomicBool,
    waiting: Mutex<Waiting>,
}

#[derive(Default)]
struct Waiting {
    /// A read of the slot map is under way.
    reading: bool,
    /// Commands waiting for it: their request id (to fail them) and how to send them.
    commands: Vec<(i64, Resume)>,
}

impl SlotMapWait {
    /// For a client that reads its slot map in `start` (not lazy).
    pub(super) fn ready() -> SlotMapWait {
        SlotMapWait { ready: AtomicBool::new(true), waiting: Mutex::default() }
    }

    /// For a lazy client: its first command reads the slot map.
    pub(super) fn on_first_command() -> SlotMapWait {
        SlotMapWait { ready: AtomicBool::new(false), waiting: Mutex::default() }
    }
}

impl ClusterClient {
    /// Whether commands go on at once (see [`ClusterClient::once_slot_map_read`]).
    pub(super) fn slot_map_is_read(&self) -> bool {
        self.slot_map_wait.ready.load(Ordering::Acquire)
    }

    /// `Some(args)`: the slot map is there, the command goes on now. `None`: it waits for the
    /// map (this call starts reading it if nobody has), and `resume` sends it once the map is
    /// there; its request `id` fails if the map cannot be read.
    pub(super) fn once_slot_map_read<A: Send + 'static>(
        self: &Arc<Self>,
        id: i64,
        args: A,
        resume: fn(&Arc<ClusterClient>, A) -> Result<(), Rejection>,
    ) -> Option<A> {
        if self.slot_map_wait.ready.load(Ordering::Acquire) {
            return Some(args);
        }
        let start_reading = {
            let mut waiting = self.slot_map_wait.waiting.lock();
            if self.slot_map_wait.ready.load(Ordering::Acquire) {
                return Some(args);
            }
            waiting.commands.push((id, Box::new(move |client| resume(client, args))));
            !std::mem::replace(&mut waiting.reading, true)
        };
        if start_reading {
            self.read_slot_map_for_waiting_commands();
        }
        None
    }

    fn read_slot_map_for_waiting_commands(self: &Arc<Self>) {
        let rt = match runtime::get() {
            Ok(rt) => rt,
            Err(message) => return self.release_waiting_commands(Err(message)),
        };
        let client = Arc::clone(self);
        rt.spawn(async move {
            let addresses = client.config.base.addresses.clone();
            let read = client.discover(&addresses).await;
            if read.is_ok() {
                client.connect_nodes().await;
                client.spawn_periodic_refresh();
            }
            client.release_waiting_commands(read);
        });
    }

    /// Sends the waiting commands once the slot map was read, or fails them with why it
    /// could not be (the next command tries again).
    fn release_waiting_commands(self: &Arc<Self>, read: Result<(), String>) {
        let commands = {
            let mut waiting = self.slot_map_wait.waiting.lock();
            waiting.reading = false;
            if read.is_ok() {
                self.slot_map_wait.ready.store(true, Ordering::Release);
            }
            std::mem::take(&mut waiting.commands)
        };
        for (id, resume) in commands {
            let outcome = match &read {
                Ok(()) => match resume(self) {
                    Ok(()) => continue,
                    Err(rejection) => refused(rejection),
                },
                Err(message) => Outcome::Failed(Failure::Request, message.clone()),
            };
            completion::push(outcome.into_completion(id));
        }
    }

    /// At `close`: the commands still waiting for the slot map fail as closed.
    pub(super) fn fail_commands_waiting_for_slot_map(&self) {
        let commands = std::mem::take(&mut self.slot_map_wait.waiting.lock().commands);
        for (id, _) in commands {
            completion::push(Outcome::Failed(Failure::Closing, "the client is closed".into()).into_completion(id));
        }
    }
}

/// A waiting command refused when it could finally be sent: its future fails as the
/// synchronous refusal would have made Java fail it.
fn refused(rejection: Rejection) -> Outcome {
    match rejection {
        Rejection::Closed => Outcome::Failed(Failure::Closing, "the client is closed".into()),
        Rejection::InflightLimit(limit) => Outcome::Failed(
            Failure::Request,
            format!("Reached the inflight requests limit of {limit}: wait for some requests to complete or raise inflightRequestsLimit"),
        ),
    }
}
