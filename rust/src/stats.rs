//! Process-wide counters and native memory accounting.
//!
//! The JVM cannot see memory allocated by this library (NMT and the memory
//! MXBeans only know the JVM's own allocations), so the core counts its own:
//! [`CountingAllocator`] is the global allocator of the library and keeps the
//! number of live bytes and allocations. Java reads them through
//! `getStatistics()`.

use std::alloc::{GlobalAlloc, Layout, System};

use crate::large;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

/// Blocks served by [`large`] instead of malloc.
fn is_large(layout: &Layout) -> bool {
    layout.size() >= large::THRESHOLD && layout.align() <= 4096
}

/// The system allocator for small blocks and [`large`] for big ones, plus two
/// relaxed counters per call.
pub struct CountingAllocator;

static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static LIVE_ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

static LARGE_ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static LARGE_FREED: AtomicUsize = AtomicUsize::new(0);

/// The largest single allocation since [`reset_largest_allocation`]. Fuzzing
/// builds only: the fuzz targets check that no input makes the parser reserve
/// memory its bytes do not justify (a declared length trusted too early).
#[cfg(feature = "fuzzing")]
static LARGEST: AtomicUsize = AtomicUsize::new(0);

#[cfg(feature = "fuzzing")]
pub(crate) fn reset_largest_allocation() {
    LARGEST.store(0, Ordering::Relaxed);
}

#[cfg(feature = "fuzzing")]
pub(crate) fn largest_allocation() -> usize {
    LARGEST.load(Ordering::Relaxed)
}

fn note_alloc(size: usize) {
    #[cfg(feature = "fuzzing")]
    LARGEST.fetch_max(size, Ordering::Relaxed);
    LIVE_BYTES.fetch_add(size, Ordering::Relaxed);
    LIVE_ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    if size >= large::THRESHOLD {
        LARGE_ALLOCATED.fetch_add(size, Ordering::Relaxed);
    }
}

fn note_free(size: usize) {
    LIVE_BYTES.fetch_sub(size, Ordering::Relaxed);
    LIVE_ALLOCATIONS.fetch_sub(1, Ordering::Relaxed);
    if size >= large::THRESHOLD {
        LARGE_FREED.fetch_add(size, Ordering::Relaxed);
    }
}

/// Bytes allocated and freed in large allocations ([`large`]) since the process started
/// (both only grow): what [`crate::trim`] watches.
pub fn large_totals() -> (usize, usize) {
    (LARGE_ALLOCATED.load(Ordering::Relaxed), LARGE_FREED.load(Ordering::Relaxed))
}

// SAFETY: every method forwards to `System` with the caller's layout and
// pointer unchanged, so `System`'s guarantees carry over; the counters are
// plain atomics and never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = if is_large(&layout) {
            large::alloc(layout.size(), false)
        } else {
            // SAFETY: same contract as `GlobalAlloc::alloc`, which our caller upholds.
            unsafe { System.alloc(layout) }
        };
        if !ptr.is_null() {
            note_alloc(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = if is_large(&layout) {
            large::alloc(layout.size(), true)
        } else {
            // SAFETY: same contract as `GlobalAlloc::alloc_zeroed`.
            unsafe { System.alloc_zeroed(layout) }
        };
        if !ptr.is_null() {
            note_alloc(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if is_large(&layout) {
            // SAFETY: a large layout was allocated by `large::alloc` with this size.
            unsafe { large::free(ptr, layout.size()) };
        } else {
            // SAFETY: `ptr` was returned by `System` for `layout`.
            unsafe { System.dealloc(ptr, layout) };
        }
        note_free(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for `new_size` with the same alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if is_large(&layout) || is_large(&new_layout) {
            // Crossing between malloc and mapped regions (or between two regions): move.
            // SAFETY: forwards to this allocator's own alloc/dealloc with valid layouts;
            // the copy stays within both blocks.
            unsafe {
                let new_ptr = self.alloc(new_layout);
                if !new_ptr.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                return new_ptr;
            }
        }
        // SAFETY: `ptr` was allocated by `System` with `layout`; the caller upholds
        // the `realloc` contract for `new_size`.
        let new_ptr = unsafe { System.realloc(ptr, layout, new_size) };
        if !new_ptr.is_null() {
            #[cfg(feature = "fuzzing")]
            LARGEST.fetch_max(new_size, Ordering::Relaxed);
            if new_size >= layout.size() {
                LIVE_BYTES.fetch_add(new_size - layout.size(), Ordering::Relaxed);
            } else {
                LIVE_BYTES.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new_ptr
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// Bytes currently allocated by the native core (heap only; thread stacks and
/// kernel socket buffers are not included).
pub fn native_bytes() -> usize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

/// Number of live native allocations.
pub fn native_allocations() -> usize {
    LIVE_ALLOCATIONS.load(Ordering::Relaxed)
}

static TOTAL_CLIENTS: AtomicI64 = AtomicI64::new(0);
static TOTAL_CONNECTIONS: AtomicI64 = AtomicI64::new(0);

/// Clients created and not yet released, in this process.
pub fn total_clients() -> i64 {
    TOTAL_CLIENTS.load(Ordering::Relaxed)
}

/// Open server connections of all clients, in this process.
pub fn total_connections() -> i64 {
    TOTAL_CONNECTIONS.load(Ordering::Relaxed)
}

pub(crate) fn client_created() {
    TOTAL_CLIENTS.fetch_add(1, Ordering::Relaxed);
}

pub(crate) fn client_released() {
    TOTAL_CLIENTS.fetch_sub(1, Ordering::Relaxed);
}

pub(crate) fn connection_opened() {
    TOTAL_CONNECTIONS.fetch_add(1, Ordering::Relaxed);
}

pub(crate) fn connection_closed() {
    TOTAL_CONNECTIONS.fetch_sub(1, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_a_live_allocation_until_it_is_freed() {
        // Other tests run concurrently, so allow noise but require the 1 MiB step.
        let before = native_bytes();
        // black_box: without it the optimiser may drop the unused allocation.
        let block = std::hint::black_box(vec![7u8; 1 << 20]);
        let during = native_bytes();
        assert!(during >= before + (1 << 20) - (64 << 10), "{before} -> {during}");
        drop(std::hint::black_box(block));
        let after = native_bytes();
        assert!(after + (1 << 20) - (64 << 10) <= during, "{during} -> {after}");
    }
}
