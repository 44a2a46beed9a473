//! The one Tokio runtime of the process.
//!
//! Created lazily by the first client and shared by every client after it. Its
//! worker threads are native threads named `glide-worker-N`. Once virtual
//! threads send requests, a worker that reads their replies attaches to the JVM
//! as a daemon thread to hand them over (`jni::parked_hand_off`): a daemon, so
//! it cannot keep a JVM alive when `main` returns.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use tokio::runtime::{Builder, Runtime};

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

/// Upper bound on worker threads: the core is I/O bound, more threads only add
/// wake-ups and memory (each thread reserves a stack).
const MAX_WORKERS: usize = 4;

/// Number of worker threads: `GLIDE_WORKER_THREADS` when set to a positive number,
/// otherwise the available parallelism capped at [`MAX_WORKERS`].
fn worker_count() -> usize {
    if let Some(n) = std::env::var("GLIDE_WORKER_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return n;
    }
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, MAX_WORKERS)
}

/// The shared runtime, created on first use. Fails only if the OS refuses threads.
pub fn get() -> Result<&'static Runtime, String> {
    RUNTIME
        .get_or_init(|| {
            // Every client event needs the subscriber; the first client is the latest moment.
            crate::logging::install();
            Builder::new_multi_thread()
                .worker_threads(worker_count())
                .thread_name_fn(|| {
                    static NEXT: AtomicUsize = AtomicUsize::new(0);
                    format!("glide-worker-{}", NEXT.fetch_add(1, Ordering::Relaxed))
                })
                // Small stacks: the workers only run the connection futures.
                .thread_stack_size(512 * 1024)
                .enable_all()
                .build()
                .inspect(|runtime| {
                    runtime.spawn(crate::trim::watch());
                })
                .map_err(|e| format!("cannot start the glide-jni runtime: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Whether the runtime has been created (for statistics; never creates it).
pub fn is_started() -> bool {
    RUNTIME.get().is_some_and(|r| r.is_ok())
}
