#pragma once

#include <cstddef>

namespace coroscope {

// Builds with AddressSanitizer keep every block on the heap, where misuse stays detectable.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitized = true;
#else
inline constexpr bool kAddressSanitized = false;
#endif
#else
inline constexpr bool kAddressSanitized = false;
#endif

// Memory for a large buffer (the arena's blocks, a scenario file's bytes), not initialised. From
// 2 MiB on it is mapped aligned to a huge page and the system is asked for huge pages
// (MADV_HUGEPAGE, only a request): one page fault per 2 MiB instead of one per 4 KiB, which
// otherwise takes most of the time of filling a fresh buffer. Smaller buffers, and builds with
// AddressSanitizer (which checks heap blocks only), use the heap.
class LargeBuffer {
public:
    static constexpr std::size_t kHugePage = 2 * 1024 * 1024;

    LargeBuffer() = default;
    explicit LargeBuffer(std::size_t bytes); // throws std::bad_alloc
    ~LargeBuffer();
    LargeBuffer(LargeBuffer&& other) noexcept;
    LargeBuffer& operator=(LargeBuffer&& other) noexcept;

    std::byte* data() const { return data_; }

private:
    void release() noexcept;

    std::byte* data_ = nullptr;
    std::size_t mapped_ = 0; // bytes mapped at data_; 0 for a heap buffer
};

} // namespace coroscope
