#ifndef CDIGEST_H
#define CDIGEST_H

#include <stddef.h>

/// SHA-256 of `size` bytes at `data` into `digest` (32 bytes). Returns 1, or 0 on failure.
int referat_sha256(const void *data, size_t size, unsigned char digest[32]);

#endif
