#pragma once

// Where a scheduler's coroutine frames live. While a scheduler creates its tasks it makes its
// arena current, and frames are carved from large blocks: a pointer bump instead of a heap
// allocation each, and the frames of neighbouring tasks side by side in memory. Frames made
// with no arena current come from the heap as usual. Arena memory is given back all at once
// when the scheduler resets or goes. (Builds with AddressSanitizer use the heap for every
// frame, so that misuse of a frame stays detectable.)

#include "model/largebuffer.h"

#include <cstddef>
#include <vector>

namespace coroscope {

class FrameArena {
public:
    FrameArena() = default;
    FrameArena(const FrameArena&) = delete;
    FrameArena& operator=(const FrameArena&) = delete;

    // Every frame from this arena must be destroyed first.
    void clear() noexcept;

    // Makes an arena current for the frames created in a scope.
    class Scope {
    public:
        explicit Scope(FrameArena& arena) noexcept;
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        FrameArena* previous_;
    };

    // For promise_type's operator new and delete.
    static void* allocateFrame(std::size_t size);
    static void freeFrame(void* frame) noexcept;

private:
    void* take(std::size_t bytes);

    std::vector<LargeBuffer> blocks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
};

} // namespace coroscope
