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

/// A trained dictionary, ready to compress and decompress with (`referat_zstd_dictionary_create`).
typedef struct referat_zstd_dictionary referat_zstd_dictionary;

/// Trains a dictionary of at most `capacity` bytes into `dict` from `count` samples laid end
/// to end in `samples`, `sizes` giving each one's length. Returns its size, or 0 when the
/// samples are too few or too small to train on.
size_t referat_zstd_train(void *dict, size_t capacity, const void *samples, const size_t *sizes, unsigned count);

/// The id a trained dictionary carries (and every frame compressed with it), 0 if it is none.
unsigned referat_zstd_dictionary_id(const void *dict, size_t size);

/// The dictionary's compression (at `level`) and decompression tables, or NULL.
referat_zstd_dictionary *referat_zstd_dictionary_create(const void *dict, size_t size, int level);
void referat_zstd_dictionary_free(referat_zstd_dictionary *dictionary);

/// `referat_zstd_compress` and `referat_zstd_decompress` with a dictionary.
size_t referat_zstd_compress_with(void *dst, size_t capacity, const void *src, size_t size, const referat_zstd_dictionary *dictionary);
int referat_zstd_decompress_with(void *dst, size_t size, const void *src, size_t srcSize, const referat_zstd_dictionary *dictionary);

/// The dictionary id a frame names, 0 for none (or for a frame too short to say).
unsigned referat_zstd_frame_dictionary_id(const void *src, size_t size);

#endif
