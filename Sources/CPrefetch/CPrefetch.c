// The module's one function is inline, in include/CPrefetch.h.
