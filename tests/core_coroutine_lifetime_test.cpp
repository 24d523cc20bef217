// The scheduler is the only owner of coroutine frames: none leaks, none is destroyed twice.

#include "loop/scheduler.h"

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

// Counts live copies; a by-value coroutine parameter lives exactly as long as the frame.
struct FrameToken {
    static inline int alive = 0;
    static inline int made = 0;
    FrameToken() { ++alive, ++made; }
    FrameToken(const FrameToken&) { ++alive, ++made; }
    FrameToken(FrameToken&&) noexcept { ++alive, ++made; }
    ~FrameToken() { --alive; }
};

TaskCoroutine counted(FrameToken, std::int64_t ms) {
    co_await cpu(ms);
    co_await io(20);
    co_await cpu(5);
}

Scheduler::TaskFactory countedFactory() {
    return [](std::size_t i) { return counted(FrameToken{}, std::int64_t(10 + i)); };
}

class CoroutineLifetime : public ::testing::Test {
protected:
    void SetUp() override { FrameToken::alive = 0; }
};

} // namespace

TEST_F(CoroutineLifetime, AnUnscheduledTaskDestroysItsFrame) {
    {
        TaskCoroutine task = counted(FrameToken{}, 1);
        EXPECT_EQ(FrameToken::alive, 1);
    }
    EXPECT_EQ(FrameToken::alive, 0);
}

TEST_F(CoroutineLifetime, FinishedTasksAreDestroyedAtOnce) {
    Scheduler scheduler(5, countedFactory());
    EXPECT_EQ(FrameToken::alive, 5);
    scheduler.runToEnd();
    EXPECT_EQ(FrameToken::alive, 0);
}

TEST_F(CoroutineLifetime, ResetHalfWayDestroysEverySuspendedFrame) {
    Scheduler scheduler(5, countedFactory());
    scheduler.runUntil(25);
    EXPECT_EQ(FrameToken::alive, 5);
    scheduler.reset();
    EXPECT_EQ(FrameToken::alive, 5); // the new run's frames, nothing kept from the old one
    scheduler.runToEnd();
    EXPECT_EQ(FrameToken::alive, 0);
}

TEST_F(CoroutineLifetime, DestroyingTheSchedulerMidRunFreesEveryFrame) {
    {
        Scheduler scheduler(50, countedFactory());
        scheduler.runUntil(100);
        EXPECT_GT(FrameToken::alive, 0);
    }
    EXPECT_EQ(FrameToken::alive, 0);
}

TEST_F(CoroutineLifetime, MovingATaskKeepsOneOwner) {
    TaskCoroutine a = counted(FrameToken{}, 1);
    TaskCoroutine b = std::move(a);
    TaskCoroutine c = counted(FrameToken{}, 2);
    c = std::move(b); // c's own frame goes, a's moves in
    EXPECT_EQ(FrameToken::alive, 1);
}
