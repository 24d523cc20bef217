#include "framearena.h"

#include <algorithm>
#include <new>

namespace coroscope {

namespace {

constexpr std::size_t kBlockBytes = 1 << 20;
// Each frame is preceded by a header saying where it came from; keeping it the size of the
// strictest alignment keeps the frame aligned.
constexpr std::size_t kHeader = alignof(std::max_align_t);

thread_local FrameArena* tCurrent = nullptr;

// Under AddressSanitizer every frame gets its own heap block, so that a frame used after its
// destruction, or never destroyed, is caught.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUseArenas = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUseArenas = false;
#else
constexpr bool kUseArenas = true;
#endif
#else
constexpr bool kUseArenas = true;
#endif

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
        const std::size_t size = std::max(kBlockBytes, bytes);
        blocks_.push_back(std::make_unique<std::byte[]>(size));
        next_ = blocks_.back().get();
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
