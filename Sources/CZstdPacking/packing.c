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

size_t referat_zstd_bound(size_t size) { return ZSTD_compressBound(size); }

size_t referat_zstd_compress(void *dst, size_t capacity, const void *src, size_t size, int level) {
    pthread_once(&keys_once, make_keys);
    ZSTD_CCtx *cctx = pthread_getspecific(cctx_key);
    if (!cctx) {
        cctx = ZSTD_createCCtx();
        if (!cctx) return 0;
        pthread_setspecific(cctx_key, cctx);
    }
    size_t n = ZSTD_compressCCtx(cctx, dst, capacity, src, size, level);
    return ZSTD_isError(n) ? 0 : n;
}

int referat_zstd_decompress(void *dst, size_t size, const void *src, size_t srcSize) {
    pthread_once(&keys_once, make_keys);
    ZSTD_DCtx *dctx = pthread_getspecific(dctx_key);
    if (!dctx) {
        dctx = ZSTD_createDCtx();
        if (!dctx) return 0;
        pthread_setspecific(dctx_key, dctx);
    }
    size_t n = ZSTD_decompressDCtx(dctx, dst, size, src, srcSize);
    return !ZSTD_isError(n) && n == size;
}
