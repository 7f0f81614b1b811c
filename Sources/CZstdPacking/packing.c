// zstd with one compression and one decompression context per thread.
//
// ZSTD_compress() and ZSTD_decompress() make and free a context on every call; for the few
// kilobytes of one case's sections that allocation costs about as much as the compression.
// The import packs on a few long-lived threads, so a context per thread is reused for every
// case and freed with its thread.
#include "CZstdPacking.h"
#include <pthread.h>
#include <zstd.h>
#include <zdict.h>
#include <stdlib.h>

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

struct referat_zstd_dictionary {
    ZSTD_CDict *cdict;
    ZSTD_DDict *ddict;
};

size_t referat_zstd_train(void *dict, size_t capacity, const void *samples, const size_t *sizes, unsigned count) {
    size_t n = ZDICT_trainFromBuffer(dict, capacity, samples, sizes, count);
    return ZDICT_isError(n) ? 0 : n;
}

unsigned referat_zstd_dictionary_id(const void *dict, size_t size) { return ZDICT_getDictID(dict, size); }

referat_zstd_dictionary *referat_zstd_dictionary_create(const void *dict, size_t size, int level) {
    referat_zstd_dictionary *d = malloc(sizeof *d);
    if (!d) return NULL;
    d->cdict = ZSTD_createCDict(dict, size, level);
    d->ddict = ZSTD_createDDict(dict, size);
    if (!d->cdict || !d->ddict) {
        referat_zstd_dictionary_free(d);
        return NULL;
    }
    return d;
}

void referat_zstd_dictionary_free(referat_zstd_dictionary *d) {
    if (!d) return;
    ZSTD_freeCDict(d->cdict);
    ZSTD_freeDDict(d->ddict);
    free(d);
}

size_t referat_zstd_compress_with(void *dst, size_t capacity, const void *src, size_t size, const referat_zstd_dictionary *d) {
    ZSTD_CCtx *cctx = thread_context(&cctx_key, create_cctx);
    if (!cctx) return 0;
    size_t n = ZSTD_compress_usingCDict(cctx, dst, capacity, src, size, d->cdict);
    return ZSTD_isError(n) ? 0 : n;
}

int referat_zstd_decompress_with(void *dst, size_t size, const void *src, size_t srcSize, const referat_zstd_dictionary *d) {
    ZSTD_DCtx *dctx = thread_context(&dctx_key, create_dctx);
    if (!dctx) return 0;
    size_t n = ZSTD_decompress_usingDDict(dctx, dst, size, src, srcSize, d->ddict);
    return !ZSTD_isError(n) && n == size;
}

unsigned referat_zstd_frame_dictionary_id(const void *src, size_t size) { return ZSTD_getDictID_fromFrame(src, size); }
