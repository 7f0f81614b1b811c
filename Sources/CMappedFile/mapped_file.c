#define _GNU_SOURCE
#include "CMappedFile.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/// Registered mappings. The handler scans them without a lock (a signal handler may not take
/// one): a slot is published by storing its base last and retired by clearing its base first.
enum { slot_count = 4096 };

struct slot {
    _Atomic(uintptr_t) base;
    _Atomic(size_t) length;
    _Atomic(int) cut_short;
};

static struct slot slots[slot_count];
static struct sigaction previous;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void on_sigbus(int signal, siginfo_t *info, void *context) {
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < slot_count; i++) {
        uintptr_t base = atomic_load(&slots[i].base);
        size_t length = atomic_load(&slots[i].length);
        if (base == 0 || address < base || address >= base + length) continue;
        uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
        uintptr_t start = address & ~(page - 1);
        uintptr_t end = (base + length + page - 1) & ~(page - 1);
        // Zero pages over what the file no longer has: the faulting read resumes on them.
        if (mmap((void *)start, end - start, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) break;
        atomic_store(&slots[i].cut_short, 1);
        return;
    }
    // Not ours: as if this handler were not there.
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction) { previous.sa_sigaction(signal, info, context); return; }
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(signal);
        return;
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(SIGBUS, &fallback, NULL);
    // Returning re-runs the faulting access, which now ends the process the default way.
}

static void install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
}

int referat_map_file(int fd, size_t length, const uint8_t **base) {
    if (length == 0) { errno = EINVAL; return -1; }
    pthread_once(&installed, install);
    void *mapped = mmap(NULL, length, PROT_READ, MAP_SHARED, fd, 0);
    if (mapped == MAP_FAILED) return -1;
    for (int i = 0; i < slot_count; i++) {
        size_t free_length = 0;
        if (atomic_load(&slots[i].length) != 0 || !atomic_compare_exchange_strong(&slots[i].length, &free_length, length)) continue;
        atomic_store(&slots[i].cut_short, 0);
        atomic_store(&slots[i].base, (uintptr_t)mapped);
        *base = mapped;
        return i;
    }
    munmap(mapped, length);
    errno = ENOMEM;
    return -1;
}

void referat_unmap_file(int slot) {
    if (slot < 0 || slot >= slot_count) return;
    uintptr_t base = atomic_exchange(&slots[slot].base, 0);
    size_t length = atomic_load(&slots[slot].length);
    if (base) munmap((void *)base, length);
    atomic_store(&slots[slot].length, 0);
}

int referat_mapping_cut_short(int slot) {
    return slot >= 0 && slot < slot_count ? atomic_load_explicit(&slots[slot].cut_short, memory_order_relaxed) : 0;
}

void referat_release_pages(int slot) {
    if (slot < 0 || slot >= slot_count) return;
    uintptr_t base = atomic_load(&slots[slot].base);
    if (base) madvise((void *)base, atomic_load(&slots[slot].length), MADV_DONTNEED);
}
