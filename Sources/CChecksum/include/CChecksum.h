#ifndef CCHECKSUM_H
#define CCHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `length` bytes, continuing from `crc` (0 for a new checksum).
/// Uses the processor's CRC32 instruction where there is one (SSE 4.2 on x86-64), a table
/// otherwise; both give the same value.
uint32_t referat_crc32c(uint32_t crc, const uint8_t *bytes, size_t length);

#endif
