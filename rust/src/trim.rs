//! Giving freed memory back to the operating system after bursts of large replies.
//!
//! Large reply buffers are recycled through a pool ([`crate::large`]) and small
//! blocks through glibc's arenas (one per thread that allocated, up to eight per
//! core); both keep freed memory for reuse. After a burst of traffic that is
//! resident memory with nothing in use: invisible to the JVM, visible to a
//! container's memory limit. A watcher task looks once a second: when at least
//! [`TRIM_AFTER`] bytes of large buffers were freed since the last trim and no
//! large buffer was allocated during the last second (the burst is over), it
//! unmaps the pool and asks glibc to return free pages (`malloc_trim`), on a
//! blocking thread. Steady traffic is never interrupted, and an idle process
//! wakes the task once a second and does nothing else.

use std::time::Duration;

use crate::stats;

/// Freed large-buffer bytes that make a trim worth doing.
const TRIM_AFTER: usize = 16 << 20;
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// What the watcher remembers between two looks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Watch {
    allocated_at_last_look: usize,
    freed_at_last_trim: usize,
}

impl Watch {
    /// Decides on the totals `(allocated, freed)` of now; returns whether to trim.
    fn look(&mut self, (allocated, freed): (usize, usize)) -> bool {
        let quiet = allocated == self.allocated_at_last_look;
        self.allocated_at_last_look = allocated;
        if quiet && freed.saturating_sub(self.freed_at_last_trim) >= TRIM_AFTER {
            self.freed_at_last_trim = freed;
            return true;
        }
        false
    }
}

/// Runs forever on the shared runtime (its threads never keep a JVM alive).
pub(crate) async fn watch() {
    let mut watch = Watch::default();
    loop {
        tokio::time::sleep(CHECK_EVERY).await;
        if watch.look(stats::large_totals()) {
            // A trim walks every arena: keep it off the runtime's workers.
            let _ = tokio::task::spawn_blocking(release_free_memory).await;
        }
    }
}

fn release_free_memory() {
    crate::large::release_pool();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes no pointers and may be called from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_once_after_a_burst_is_over() {
        let mut watch = Watch::default();
        // During a burst: large buffers keep being allocated.
        assert!(!watch.look((100 << 20, 90 << 20)));
        assert!(!watch.look((200 << 20, 190 << 20)));
        // The burst is over (nothing allocated since the last look): trim once.
        assert!(watch.look((200 << 20, 200 << 20)));
        assert!(!watch.look((200 << 20, 200 << 20)));
        // Small activity afterwards: below the threshold, no trim.
        assert!(!watch.look((201 << 20, 201 << 20)));
        assert!(!watch.look((201 << 20, 201 << 20)));
    }
}
