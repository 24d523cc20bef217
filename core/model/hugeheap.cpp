#include "model/hugeheap.h"

#include "model/largebuffer.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace coroscope {

namespace {

// The most malloc takes for its thresholds (its own limit for the mmap threshold is 32 MiB
// on 64-bit systems); blocks above it are mapped on their own, in ordinary pages.
constexpr std::size_t kMaxMmapThreshold = 32 * 1024 * 1024;
constexpr std::size_t kMaxGrowth = 1024 * 1024 * 1024;

} // namespace

void growHeapInHugePages(std::size_t bytes) {
    if (kAddressSanitized || bytes < LargeBuffer::kHugePage)
        return;
    bytes = std::min(bytes, kMaxGrowth);
    // The next growth of the heap adds `bytes` beyond what it needs; large blocks come from the
    // heap rather than from mappings of their own; and the heap is not given back as it frees.
    ::mallopt(M_MMAP_THRESHOLD, int(std::min(bytes, kMaxMmapThreshold)));
    ::mallopt(M_TRIM_THRESHOLD, int(bytes));
    ::mallopt(M_TOP_PAD, int(bytes));
    // A block larger than what the heap has free makes it grow now, by the block and the pad.
    void* probe = std::malloc(LargeBuffer::kHugePage);
    if (!probe)
        return;
    const auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0));
    constexpr std::uintptr_t kHuge = LargeBuffer::kHugePage;
    const std::uintptr_t from =
        (reinterpret_cast<std::uintptr_t>(probe) + kHuge - 1) / kHuge * kHuge;
    if (end > from)
        ::madvise(reinterpret_cast<void*>(from), end - from, MADV_HUGEPAGE);
    std::free(probe);
}

} // namespace coroscope
