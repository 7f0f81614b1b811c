// zstd with one compression and one decompression context per thread.
//
// ZSTD_compress() and ZSTD_decompress() make and free a context on every call; for the few
// kilobytes of one case's sections that allocation costs about as much as the compression.
// The import packs on a few long-lived threads, so a context per thread is reused for every
// case and freed with its thread.
#include "CZstdPacking.h"
#include <pthread.h>
#include <zstd.h>

static pthread_key_t cctx_key, dctx_key;
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static void free_cctx(void *p) { ZSTD_freeCCtx((ZSTD_CCtx *)p); }
static void free_dctx(void *p) { ZSTD_freeDCtx((ZSTD_DCtx *)p); }
static void make_keys(void) {
    pthread_key_create(&cctx_key, free_cctx);
    pthread_key_create(&dctx_key, free_dctx);
}

/// This thread's context under `key`, made by `create` on first use; NULL without memory.
static void *thread_context(pthread_key_t *key, void *(*create)(void)) {
    pthread_once(&keys_once, make_keys);
    void *context = pthread_getspecific(*key);
    if (!context && (context = create())) pthread_setspecific(*key, context);
    return context;
}

static void *create_cctx(void) { return ZSTD_createCCtx(); }
static void *create_dctx(void) { return ZSTD_createDCtx(); }

size_t referat_zstd_bound(size_t size) { return ZSTD_compressBound(size); }

size_t referat_zstd_compress(void *dst, size_t capacity, const void *src, size_t size, int level) {
    ZSTD_CCtx *cctx = thread_context(&cctx_key, create_cctx);
    if (!cctx) return 0;
    size_t n = ZSTD_compressCCtx(cctx, dst, capacity, src, size, level);
    return ZSTD_isError(n) ? 0 : n;
}

int referat_zstd_decompress(void *dst, size_t size, const void *src, size_t srcSize) {
    ZSTD_DCtx *dctx = thread_context(&dctx_key, create_dctx);
    if (!dctx) return 0;
    size_t n = ZSTD_decompressDCtx(dctx, dst, size, src, srcSize);
    return !ZSTD_isError(n) && n == size;
}
