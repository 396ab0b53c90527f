#ifndef PYHEAP_CPREFETCH_H
#define PYHEAP_CPREFETCH_H

/// Asks the processor to start loading the cache line holding `address` for reading.
/// A hint: it never faults, whatever the address, and does nothing the program can observe.
static inline __attribute__((always_inline)) void pyheap_prefetch(const void *address) {
  __builtin_prefetch(address, 0, 3);
}

#endif
