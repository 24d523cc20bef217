#pragma once

#include "loop/framearena.h"
#include "model/stepkind.h"
#include "model/tasklist.h"

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

namespace coroscope {

class Scheduler;

// A simulated task: a C++20 coroutine that co_awaits cpu(ms), io(ms) and http(ms).
// It starts suspended. This object owns the frame and destroys it with itself (or on reset());
// the Scheduler keeps one per task and resumes it through handle().
class [[nodiscard]] TaskCoroutine {
public:
    struct promise_type {
        Scheduler* scheduler = nullptr;
        std::size_t taskIndex = 0;
        std::exception_ptr error;

        TaskCoroutine get_return_object() noexcept {
            return TaskCoroutine{std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        // Lazy: the task runs only when the loop picks it from the ready queue.
        std::suspend_always initial_suspend() noexcept { return {}; }
        // Suspend at the end so control returns to the scheduler, which sees done() and
        // destroys the frame itself.
        std::suspend_always final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { error = std::current_exception(); }

        static void* operator new(std::size_t size) { return FrameArena::allocateFrame(size); }
        static void operator delete(void* frame) noexcept { FrameArena::freeFrame(frame); }
    };
    using Handle = std::coroutine_handle<promise_type>;

    TaskCoroutine() noexcept = default;
    TaskCoroutine(TaskCoroutine&& other) noexcept
        : handle_(std::exchange(other.handle_, {})) {}
    TaskCoroutine& operator=(TaskCoroutine&& other) noexcept {
        if (this != &other) {
            destroy();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    TaskCoroutine(const TaskCoroutine&) = delete;
    TaskCoroutine& operator=(const TaskCoroutine&) = delete;
    ~TaskCoroutine() { destroy(); }

    // The frame, for resuming; empty once reset.
    Handle handle() const noexcept { return handle_; }
    // Destroys the frame now (a finished task).
    void reset() noexcept {
        destroy();
        handle_ = {};
    }

private:
    explicit TaskCoroutine(Handle handle) noexcept
        : handle_(handle) {}
    void destroy() noexcept {
        if (handle_)
            handle_.destroy();
    }
    Handle handle_;
};

// The awaitable behind cpu(ms), io(ms), http(ms) and a thread step: a small value that, once
// the coroutine has suspended, tells the owning scheduler which step begins.
struct StepAwaitable {
    StepKind kind;
    std::int64_t ms;
    KindBehaviour behaviour; // cpu holds the loop; a wait or a thread item leaves it free

    bool await_ready() const noexcept { return false; }
    void await_suspend(TaskCoroutine::Handle handle) const; // defined in scheduler.cpp
    void await_resume() const noexcept {}
};

// Holds the event loop for ms; no other task runs meanwhile.
inline StepAwaitable cpu(std::int64_t ms) {
    return {StepKind::Cpu, ms, KindBehaviour::HoldsLoop};
}
// Waits ms without the loop; other tasks run meanwhile.
inline StepAwaitable io(std::int64_t ms) {
    return {StepKind::Io, ms, KindBehaviour::Waits};
}
inline StepAwaitable http(std::int64_t ms) {
    return {StepKind::Http, ms, KindBehaviour::Waits};
}
// Waits ms on a resource of the scenario's table (taking one of its slots when it has a
// limit), without the loop.
inline StepAwaitable wait(StepKind kind, std::int64_t ms) {
    return {kind, ms, KindBehaviour::Waits};
}
// Runs ms of blocking work on a worker of the thread pool (loop.run_in_executor); the loop
// stays free.
inline StepAwaitable onThread(StepKind threadKind, std::int64_t ms) {
    return {threadKind, ms, KindBehaviour::Thread};
}

// A task with a start time first sleeps until then (no row of its own: it arrives).
struct ArrivalAwaitable {
    std::int64_t ms;
    bool await_ready() const noexcept { return false; }
    void await_suspend(TaskCoroutine::Handle handle) const;
    void await_resume() const noexcept {}
};
inline ArrivalAwaitable arrival(std::int64_t ms) {
    return {ms};
}

// asyncio.create_task(child): the child's first step joins the back of the ready queue and
// the spawner goes on at once.
struct SpawnAwaitable {
    std::size_t child;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(TaskCoroutine::Handle handle) const; // false: the spawner goes on
    void await_resume() const noexcept {}
};
inline SpawnAwaitable spawn(std::size_t child) {
    return {child};
}

// `await t` (one task) or `await asyncio.gather(...)` (several): on until every task has left.
struct JoinAwaitable {
    const std::uint32_t* tasks;
    std::size_t count;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(TaskCoroutine::Handle handle) const; // false: nothing to wait for
    void await_resume() const noexcept {}
};
inline JoinAwaitable join(const TaskList& tasks) {
    return {tasks.data(), tasks.size()};
}

} // namespace coroscope
