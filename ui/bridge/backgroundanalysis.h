#pragma once

// A scenario's run analysed on a thread of its own, so that the window goes on playing the old
// schedule meanwhile. One thread, the newest request first: a request made while another runs
// replaces any that has not started yet. Each result comes back on the owner's thread with the
// number of its request, so that the owner can drop one it no longer wants.

#include "analysis/runanalysis.h"
#include "model/scenario.h"

#include <QObject>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace coroscope {

class BackgroundAnalysis {
public:
    using Done =
        std::function<void(std::uint64_t request, Scenario scenario, RunAnalysis analysis)>;
    // done is called on the thread that makes this object, from its event loop.
    explicit BackgroundAnalysis(Done done);
    // Waits for the analysis under way (its result is dropped).
    ~BackgroundAnalysis();
    BackgroundAnalysis(const BackgroundAnalysis&) = delete;
    BackgroundAnalysis& operator=(const BackgroundAnalysis&) = delete;

    // Returns the request's number (1, 2, …).
    std::uint64_t request(Scenario scenario, AnalysisRequest what);

private:
    struct Job {
        std::uint64_t number;
        Scenario scenario;
        AnalysisRequest what;
    };
    void work();

    Done done_;
    QObject home_; // in the owner's thread: results are queued to it
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Job> next_;
    std::uint64_t requests_ = 0;
    bool stop_ = false;
    std::thread thread_; // last: started once the rest is ready
};

} // namespace coroscope
