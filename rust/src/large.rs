//! Large allocations (64 KiB and up: buffers of big replies) outside malloc.
//!
//! With malloc, every thread that reads replies (a thread waiting for its reply
//! reads for everyone) gets its own arena, and large buffers freed in them stay
//! resident, fragmented: 100 GETs of 512 KiB in flight left hundreds of MB in
//! RSS. Here a large allocation is its own `mmap`ed region, so its pages go back
//! to the system when it is unmapped. Regions are recycled through a small pool
//! (by size class, at most [`POOL_CAP`] bytes) so that steady traffic neither
//! maps nor faults in fresh pages for every reply; the pool is emptied once
//! traffic goes quiet (see [`crate::trim`]).
//!
//! Everything here runs inside the global allocator: it must not allocate.

use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;

/// Allocations at least this large are served here.
pub const THRESHOLD: usize = 64 * 1024;
/// Regions larger than this are never pooled.
const POOLED_MAX: usize = 64 << 20;
/// Bytes the pool may hold for reuse.
pub const POOL_CAP: usize = 64 << 20;
const PAGE: usize = 4096;
/// Classes: sizes rounded up to 3 significant bits (steps of 1/8 of a power of two).
const CLASSES: usize = 104;
/// Regions kept per class.
const PER_CLASS: usize = 128;

struct Class {
    regions: [*mut u8; PER_CLASS],
    count: usize,
}

// SAFETY: the pointers are regions nobody else references while pooled; the
// class is only reached through the pool's mutex.
unsafe impl Send for Class {}

static POOL: Mutex<[Class; CLASSES]> = Mutex::new([const { Class { regions: [ptr::null_mut(); PER_CLASS], count: 0 } }; CLASSES]);
static POOLED_BYTES: AtomicUsize = AtomicUsize::new(0);
static MAPPED_BYTES: AtomicUsize = AtomicUsize::new(0);

/// The size class of `size` (≥ [`THRESHOLD`]): its index and the region size it maps.
fn class_of(size: usize) -> (usize, usize) {
    let pages = size.div_ceil(PAGE);
    let bits = usize::BITS - pages.leading_zeros(); // pages < 2^bits
    let shift = bits.saturating_sub(3);
    let steps = pages.div_ceil(1 << shift); // 4..=8 steps of 2^shift pages
    let rounded_pages = steps << shift;
    let index = (shift as usize) * 8 + steps;
    (index, rounded_pages * PAGE)
}

/// Bytes held in the pool for reuse, and bytes mapped in total (pool included).
pub fn bytes() -> (usize, usize) {
    (POOLED_BYTES.load(Ordering::Relaxed), MAPPED_BYTES.load(Ordering::Relaxed))
}

/// A region of at least `size` bytes (page aligned), or null. `zeroed`: its bytes read as 0.
pub fn alloc(size: usize, zeroed: bool) -> *mut u8 {
    let (index, region) = class_of(size);
    if region <= POOLED_MAX && index < CLASSES {
        let reused = {
            let mut pool = POOL.lock();
            let class = &mut pool[index];
            if class.count > 0 {
                class.count -= 1;
                Some(class.regions[class.count])
            } else {
                None
            }
        };
        if let Some(p) = reused {
            POOLED_BYTES.fetch_sub(region, Ordering::Relaxed);
            if zeroed {
                // SAFETY: `p` is a mapped, writable region of `region` bytes we own.
                unsafe { ptr::write_bytes(p, 0, region) };
            }
            return p;
        }
    }
    map(region)
}

/// Gives back a region from [`alloc`] for `size` bytes.
///
/// # Safety
/// `p` must come from [`alloc`] with the same `size`, and not be used afterwards.
pub unsafe fn free(p: *mut u8, size: usize) {
    let (index, region) = class_of(size);
    if region <= POOLED_MAX && index < CLASSES && POOLED_BYTES.load(Ordering::Relaxed) + region <= POOL_CAP {
        let mut pool = POOL.lock();
        let class = &mut pool[index];
        if class.count < PER_CLASS {
            class.regions[class.count] = p;
            class.count += 1;
            POOLED_BYTES.fetch_add(region, Ordering::Relaxed);
            return;
        }
    }
    // SAFETY: per the contract `p` is a region of `region` bytes mapped by `map`.
    unsafe { unmap(p, region) };
}

/// Unmaps every pooled region (traffic went quiet). Returns the bytes released.
pub fn release_pool() -> usize {
    let mut released = 0;
    loop {
        // Take one region at a time: munmap outside the lock.
        let taken = {
            let mut pool = POOL.lock();
            pool.iter_mut().enumerate().find(|(_, c)| c.count > 0).map(|(i, c)| {
                c.count -= 1;
                (c.regions[c.count], i)
            })
        };
        let Some((p, index)) = taken else { return released };
        let region = region_of_class(index);
        POOLED_BYTES.fetch_sub(region, Ordering::Relaxed);
        // SAFETY: pooled regions were mapped by `map` with their class's size and are unused.
        unsafe { unmap(p, region) };
        released += region;
    }
}

fn region_of_class(index: usize) -> usize {
    let (shift, steps) = (index / 8, index % 8);
    // Index `shift * 8 + steps` with steps in 4..=8 (8 aliases the next shift's 4).
    let steps = if steps < 4 { steps + 8 } else { steps };
    let shift = if index % 8 < 4 { shift - 1 } else { shift };
    (steps << shift) * PAGE
}

fn map(region: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping; no pointer is passed in.
    let p = unsafe {
        libc::mmap(ptr::null_mut(), region, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0)
    };
    if p == libc::MAP_FAILED {
        return ptr::null_mut();
    }
    MAPPED_BYTES.fetch_add(region, Ordering::Relaxed);
    p.cast()
}

/// # Safety
/// `p` must be a region of `region` bytes mapped by [`map`] and unused.
unsafe fn unmap(p: *mut u8, region: usize) {
    // SAFETY: per the contract.
    unsafe { libc::munmap(p.cast(), region) };
    MAPPED_BYTES.fetch_sub(region, Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_up_by_at_most_an_eighth_and_round_trip() {
        for size in [THRESHOLD, THRESHOLD + 1, 100_000, 524_290, 1 << 20, (1 << 20) + 1, 3 << 20, POOLED_MAX] {
            let (index, region) = class_of(size);
            assert!(region >= size, "{size}");
            assert!(region - size <= size / 4 + PAGE, "{size} -> {region}");
            assert!(index < CLASSES, "{size} -> class {index}");
            assert_eq!(region_of_class(index), region, "class {index} of {size}");
            assert_eq!(region % PAGE, 0);
        }
    }

    #[test]
    fn regions_are_usable_zeroed_when_asked_and_recycled() {
        let size = 300_000;
        let p = alloc(size, true);
        assert!(!p.is_null());
        // SAFETY: `p` is a fresh region of at least `size` bytes.
        unsafe {
            assert_eq!(*p.add(size - 1), 0);
            ptr::write_bytes(p, 0xAB, size);
            free(p, size);
        }
        // Same class again: comes back from the pool, zeroed on request.
        let q = alloc(size, true);
        // SAFETY: as above.
        unsafe {
            assert_eq!(*q, 0);
            assert_eq!(*q.add(size - 1), 0);
            free(q, size);
        }
        let (pooled, mapped) = bytes();
        assert!(mapped >= pooled);
        release_pool();
    }
}
