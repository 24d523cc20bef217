#include "loop/framearena.h"

#include <algorithm>
#include <new>

namespace coroscope {

namespace {

// Blocks double from a small first one (most scenarios are small) up to a huge page each.
constexpr std::size_t kFirstBlockBytes = 64 * 1024;
constexpr std::size_t kBlockBytes = LargeBuffer::kHugePage;
constexpr std::size_t kDoublings = 5; // 64 KiB × 2^5 = 2 MiB
// Each frame is preceded by a header saying where it came from; keeping it the size of the
// strictest alignment keeps the frame aligned.
constexpr std::size_t kHeader = alignof(std::max_align_t);

thread_local FrameArena* tCurrent = nullptr;

// Under AddressSanitizer every frame gets its own heap block, so that a frame used after its
// destruction, or never destroyed, is caught.
constexpr bool kUseArenas = !kAddressSanitized;

enum class Origin : unsigned char { Heap, Arena };

} // namespace

FrameArena::Scope::Scope(FrameArena& arena) noexcept
    : previous_(tCurrent) {
    tCurrent = &arena;
}

FrameArena::Scope::~Scope() {
    tCurrent = previous_;
}

void FrameArena::clear() noexcept {
    blocks_.clear();
    next_ = nullptr;
    left_ = 0;
}

void* FrameArena::take(std::size_t bytes) {
    bytes = (bytes + kHeader - 1) / kHeader * kHeader;
    if (bytes > left_) {
        const std::size_t grown =
            blocks_.size() < kDoublings ? kFirstBlockBytes << blocks_.size() : kBlockBytes;
        const std::size_t size = std::max(grown, bytes);
        blocks_.emplace_back(size);
        next_ = blocks_.back().data();
        left_ = size;
    }
    void* memory = next_;
    next_ += bytes;
    left_ -= bytes;
    return memory;
}

void* FrameArena::allocateFrame(std::size_t size) {
    FrameArena* arena = kUseArenas ? tCurrent : nullptr;
    std::byte* base = arena ? static_cast<std::byte*>(arena->take(size + kHeader))
                            : static_cast<std::byte*>(::operator new(size + kHeader));
    *reinterpret_cast<Origin*>(base) = arena ? Origin::Arena : Origin::Heap;
    return base + kHeader;
}

void FrameArena::freeFrame(void* frame) noexcept {
    std::byte* base = static_cast<std::byte*>(frame) - kHeader;
    if (*reinterpret_cast<Origin*>(base) == Origin::Heap)
        ::operator delete(base);
    // Arena frames are given back with their blocks.
}

} // namespace coroscope
