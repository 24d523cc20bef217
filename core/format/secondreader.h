#pragma once

// A big scenario file's tasks, read on two cores: while this thread walks the document and
// reads the tasks before a split, a second thread walks its own copy of it and reads those from
// the split on. This is the second thread, and what it hands over: its tasks, or nothing when
// it could not read them cleanly (a problem in them, a version that is not shared out, told to
// stop), in which case the file is read again on one thread, which words every message.

#include "model/scenario.h"

#include <atomic>
#include <functional>
#include <future>
#include <optional>
#include <thread>
#include <vector>

namespace coroscope {

class SecondReader {
public:
    using Tasks = std::optional<std::vector<Task>>;

    // walk runs on the second thread and hands over through deliver(); if it does not (or
    // throws), its end delivers nothing.
    explicit SecondReader(std::function<void(SecondReader&)> walk)
        : handed_(promise_.get_future())
        , thread_([this, walk = std::move(walk)] {
            try {
                walk(*this);
            } catch (...) {
                // out of memory, say: the first thread reads the file again and meets it
            }
            deliver(std::nullopt);
        }) {}
    // Tells the walk to stop where it is, and waits for it.
    ~SecondReader() {
        stop();
        thread_.join();
    }
    SecondReader(const SecondReader&) = delete;
    SecondReader& operator=(const SecondReader&) = delete;

    // Either thread: what the second reads is not wanted (any more).
    void stop() { stop_.store(true, std::memory_order_relaxed); }
    // The second thread, between tasks: whether to stop.
    bool stopped() const { return stop_.load(std::memory_order_relaxed); }
    // The second thread: its tasks, or nothing. Only the first call counts.
    void deliver(Tasks tasks) {
        if (!delivered_) {
            delivered_ = true;
            promise_.set_value(std::move(tasks));
        }
    }
    // This thread: waits for what the second hands over (once).
    Tasks take() { return handed_.get(); }

private:
    std::atomic<bool> stop_{false};
    bool delivered_ = false; // the second thread's own
    std::promise<Tasks> promise_;
    std::future<Tasks> handed_;
    std::thread thread_; // last: it starts once the rest is set up
};

} // namespace coroscope
