#ifndef CZSTD_PACKING_H
#define CZSTD_PACKING_H

#include <stddef.h>

/// Upper bound of the compressed size of `size` bytes.
size_t referat_zstd_bound(size_t size);

/// Compresses `src` into `dst` at `level` with this thread's reusable context.
/// Returns the compressed size, or 0 on failure.
size_t referat_zstd_compress(void *dst, size_t capacity, const void *src, size_t size, int level);

/// Decompresses one frame into exactly `size` bytes of `dst` with this thread's context.
/// Returns 1 when the frame held exactly `size` bytes, else 0.
int referat_zstd_decompress(void *dst, size_t size, const void *src, size_t srcSize);

#endif
