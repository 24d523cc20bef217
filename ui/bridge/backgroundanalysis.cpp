#include "bridge/backgroundanalysis.h"

#include <memory>

namespace coroscope {

BackgroundAnalysis::BackgroundAnalysis(Done done)
    : done_(std::move(done))
    , thread_([this] { work(); }) {}

BackgroundAnalysis::~BackgroundAnalysis() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

std::uint64_t BackgroundAnalysis::request(Scenario scenario, AnalysisRequest what) {
    std::uint64_t number = 0;
    {
        const std::lock_guard lock(mutex_);
        number = ++requests_;
        next_ = Job{number, std::move(scenario), std::move(what)};
    }
    wake_.notify_one();
    return number;
}

void BackgroundAnalysis::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || next_; });
        if (stop_)
            return;
        auto job = std::make_shared<Job>(std::move(*next_));
        next_.reset();
        lock.unlock();
        auto analysis = std::make_shared<RunAnalysis>(analyseRun(job->scenario, job->what));
        // Queued to the owner's thread; dropped with home_ if the owner goes first.
        QMetaObject::invokeMethod(
            &home_,
            [this, job, analysis] {
                done_(job->number, std::move(job->scenario), std::move(*analysis));
            },
            Qt::QueuedConnection);
        lock.lock();
    }
}

} // namespace coroscope
