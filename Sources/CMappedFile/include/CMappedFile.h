#ifndef CMAPPEDFILE_H
#define CMAPPEDFILE_H

#include <stddef.h>
#include <stdint.h>

/// Maps `length` bytes of the open file `fd` read-only (MAP_SHARED: the page cache's pages,
/// no copy; a page is read from the file when first touched) and registers the mapping with
/// the SIGBUS guard.
///
/// The guard: touching a page of a mapped file past its end raises SIGBUS, which would kill
/// the process if the file were cut short after it was mapped (by a hand outside referat:
/// segments are never rewritten in place). The first mapping installs a SIGBUS handler that,
/// for an address inside a registered mapping, maps zero-filled pages over the rest of that
/// mapping, marks it cut short and returns, so the read goes on over zeros. Every read is
/// bounds-checked and decoded with checks, so zeros give an error or a wrong value, never a
/// crash; the reader asks `referat_mapping_cut_short` after reading and reports the file.
/// A SIGBUS anywhere else goes to the handler installed before (or the default: the process
/// ends as it would have).
///
/// Returns the mapping's guard slot (for the two functions below) and sets `*base`, or -1 with
/// errno set and nothing mapped when the file cannot be mapped or every slot is taken.
int referat_map_file(int fd, size_t length, const uint8_t **base);

/// Unregisters and unmaps the mapping of `slot`.
void referat_unmap_file(int slot);

/// Lets the process's view of the mapping of `slot` go (madvise MADV_DONTNEED): the pages stay
/// in the kernel's cache, and a later read maps them again. For after reading a whole section
/// once (opening checks the documents and the dictionary), so that it does not stay counted
/// in the process.
void referat_release_pages(int slot);

/// 1 once a read of the mapping of `slot` met the end of its file (SIGBUS), else 0.
int referat_mapping_cut_short(int slot);

#endif
