#pragma once

// Items made on one thread, consumed in batches on a second, so that making and consuming run
// at once on two cores: the prints format and write their rows while the scheduler runs. Two
// batches take turns: one fills while the other is consumed, so memory stays two batches
// whatever the run's size. Without a second thread (a small run, or one core) each batch is
// consumed where it is handed off: the same calls in the same order either way.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace coroscope {

template <typename T> class BatchHandoff {
public:
    // consume gets every batch in order, on one thread; it may reorder the batch.
    using Consume = std::function<void(std::vector<T>&)>;

    BatchHandoff(Consume consume, bool onSecondThread)
        : consume_(std::move(consume)) {
        if (onSecondThread)
            consumer_.emplace([this] { consumeAll(); });
    }
    // Without finish() (the maker threw): the consumer ends after the batch it has.
    ~BatchHandoff() {
        if (consumer_) {
            {
                std::lock_guard lock(mutex_);
                closed_ = true;
            }
            changed_.notify_all();
            consumer_->join();
        }
    }
    BatchHandoff(const BatchHandoff&) = delete;
    BatchHandoff& operator=(const BatchHandoff&) = delete;

    // The batch being filled.
    std::vector<T>& batch() { return filling_; }

    // The filled batch goes to the consumer (once it is done with the one before); filling goes
    // on in the other.
    void handOff() {
        if (!consumer_) {
            consume_(filling_);
            filling_.clear();
            return;
        }
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !full_; });
        std::swap(filling_, handed_);
        full_ = true;
        lock.unlock();
        changed_.notify_all();
        filling_.clear();
    }

    // Hands off what is left and waits until everything is consumed; rethrows what the
    // consumer threw.
    void finish() {
        handOff();
        if (!consumer_)
            return;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !full_; });
            closed_ = true;
        }
        changed_.notify_all();
        consumer_->join();
        consumer_.reset();
        if (failure_)
            std::rethrow_exception(failure_);
    }

private:
    void consumeAll() {
        std::unique_lock lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return full_ || closed_; });
            if (!full_)
                return;
            lock.unlock();
            if (!failure_) {
                try {
                    consume_(handed_);
                } catch (...) {
                    failure_ = std::current_exception(); // finish() rethrows it
                }
            }
            handed_.clear();
            lock.lock();
            full_ = false;
            changed_.notify_all();
        }
    }

    Consume consume_;
    std::vector<T> filling_, handed_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool full_ = false;   // handed_ waits for the consumer
    bool closed_ = false; // nothing more comes
    std::exception_ptr failure_;
    std::optional<std::thread> consumer_; // started once the rest is set up
};

} // namespace coroscope
