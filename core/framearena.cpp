#include "framearena.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <sys/mman.h>
#include <utility>

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

LargeBuffer::LargeBuffer(std::size_t bytes) {
    if (!kUseArenas || bytes < kHugePage) {
        data_ = static_cast<std::byte*>(::operator new(bytes));
        return;
    }
    // Mapped with a huge page to spare, to align the start; the spare is unmapped again.
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* mapped = ::mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start)
        ::munmap(mapped, aligned - start);
    ::munmap(reinterpret_cast<void*>(aligned + rounded), start + kHugePage - aligned);
    data_ = reinterpret_cast<std::byte*>(aligned);
    mapped_ = rounded;
    ::madvise(data_, mapped_, MADV_HUGEPAGE); // only a request: ordinary pages otherwise
}

LargeBuffer::~LargeBuffer() {
    release();
}

LargeBuffer::LargeBuffer(LargeBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr))
    , mapped_(std::exchange(other.mapped_, 0)) {}

LargeBuffer& LargeBuffer::operator=(LargeBuffer&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        mapped_ = std::exchange(other.mapped_, 0);
    }
    return *this;
}

void LargeBuffer::release() noexcept {
    if (mapped_ > 0)
        ::munmap(data_, mapped_);
    else
        ::operator delete(data_);
    data_ = nullptr;
    mapped_ = 0;
}

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
