#include "model/largebuffer.h"

#include <cstdint>
#include <new>
#include <sys/mman.h>
#include <utility>

namespace coroscope {

LargeBuffer::LargeBuffer(std::size_t bytes) {
    if (kAddressSanitized || bytes < kHugePage) {
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

} // namespace coroscope
