#pragma once

// Turns the core scheduler's reports into Qt signals, paced by a monotonic clock. It knows
// nothing of graphics: the scene listens to it.
//
// Time: at speed 1 the whole axis plays in 10 s of wall time; a cycle ends when virtual time
// reaches the axis end, then after a 400 ms pause it replays (when looping). Virtual time is
// computed from the clock, never from counting ticks, so slow frames never slow it down.

#include "analysis/runanalysis.h"
#include "asyncio/measuredrun.h"
#include "bridge/backgroundanalysis.h"
#include "bridge/metatypes.h"
#include "loop/scheduler.h"
#include "loop/segment.h"
#include "model/scenario.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace coroscope {

class SchedulerBridge : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds
    static constexpr double kAxisWallMs = 10'000;
    static constexpr qint64 kPauseMs = 400;
    static constexpr int kFrameMs = 16;

    // Uses a QElapsedTimer unless a clock is given (tests pass a fake one).
    explicit SchedulerBridge(QObject* parent = nullptr, Clock clock = {});
    ~SchedulerBridge() override;

    // A valid scenario: re-runs the schedule and starts a new cycle at t = 0.
    void setScenario(const Scenario& scenario);
    // The same with its run analysed beforehand (analyseRun of it, comparing as this bridge
    // does, with the measured run set here), e.g. on another thread.
    void setScenario(const Scenario& scenario, RunAnalysis analysed);
    // The same for an edit: a big scenario is analysed on a thread of its own while the old
    // schedule goes on playing, then shown as setScenario does (paused: at the same moment),
    // unless another scenario is set or updated first, which drops it. A small one at once.
    void updateScenario(const Scenario& scenario);
    // An update's schedule is still being computed.
    bool updating() const { return wanted_ != 0; }
    const Scenario& scenario() const { return scenario_; }
    // The whole run, analysed when the scenario was set (core/analysis/runanalysis.h).
    const RunAnalysis& analysis() const { return analysis_; }
    double axisEnd() const { return analysis_.axisEnd; }
    std::int64_t makespan() const { return analysis_.figures.makespanMs; }
    const Figures& figures() const { return analysis_.figures; }
    // Where stepping stops (seed: 0, 150, 250, 370, 500, 600, 670, 800).
    const std::vector<std::int64_t>& eventTimes() const { return analysis_.eventTimes; }
    // Where each task's life went, in scenario order.
    const std::vector<TaskTotals>& taskTotals() const { return analysis_.taskTotals; }
    // The whole run per task, for drawing.
    const std::shared_ptr<const Lanes>& lanes() const { return analysis_.lanes; }
    // The loop's decisions over the whole run, in report order (for the event log).
    const std::vector<LoopEvent>& events() const { return *analysis_.events; }

    // The blocking comparison: the same tasks run the blocking way (core/blocking.h), shown
    // on the same axis, so the axis and the cycle reach the longer of the two runs.
    void setComparing(bool on);
    bool comparing() const { return comparing_; }
    // Whether a view needs the run's explanation (Explain mode, the Code dock's ready lines):
    // only while one does is it computed, at once for the run shown and with every new run
    // (it is a quarter of an edit's analysis at 100,000 tasks).
    void wantExplanation(const QObject* who, bool wanted);

    // A run measured under real asyncio (a recording's), drawn over the model's and compared
    // with it; null for none. It stays while the scenario is edited. Set it before the scenario
    // it goes with: the axis end covers it too from the next setScenario on.
    void setMeasured(std::shared_ptr<const MeasuredRun> measured);
    const std::shared_ptr<const MeasuredRun>& measured() const { return measured_; }

    double speed() const { return speed_; }
    void setSpeed(double speed);
    bool loops() const { return loop_; }
    void setLoop(bool loop);
    bool isPlaying() const { return playing_; }
    double now() const { return now_; }

public slots:
    void play();
    void pause();
    void restart();
    // Jumps to a virtual time (0..axis end), emitting what it takes to show that moment.
    void seek(double ms);
    // Advances virtual time to what the clock says (the frame timer calls it).
    void tick();
    // Pauses and jumps to the next (or the previous) moment the loop decides something.
    void stepForward();
    void stepBack();

signals:
    // Why the new schedule's tasks wait: where each was ready but kept waiting, and the ready
    // queue at any moment (just before scenarioChanged).
    void explanationChanged(std::shared_ptr<const coroscope::Explanation> explanation);
    // The blocking run's segments per task when comparing, else null (just before
    // scenarioChanged, whose axis end then covers both runs).
    void blockingChanged(std::shared_ptr<const coroscope::Lanes> lanes);
    // A measured run to draw and compare with, or null for none.
    void measuredChanged(std::shared_ptr<const coroscope::MeasuredRun> measured);
    // A new schedule: the scenario, its segments per task, the axis end.
    void scenarioChanged(const coroscope::Scenario& scenario,
                         std::shared_ptr<const coroscope::Lanes> lanes, double axisEnd);
    void segmentStarted(const coroscope::Segment& segment);
    void segmentFinished(const coroscope::Segment& segment);
    // A decision of the loop, as it happens in virtual time.
    void loopEvent(const coroscope::LoopEvent& event);
    void timeAdvanced(double nowMs);
    void runFinished(qint64 makespanMs);
    void cycleRestarted();
    void cycleEnded();
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void loopChanged(bool loop);

private:
    class Relay;
    double rate() const; // virtual ms per wall ms
    void advanceTo(double ms);
    void startCycle(qint64 wallNow);
    void anchor(qint64 wallNow);
    void install(Scenario scenario, RunAnalysis analysis);
    // The shown run's explanation, when a view explains and it has none yet.
    void explainIfAsked();
    // A background analysis is done: shown if it is the one wanted.
    void analysed(std::uint64_t request, Scenario scenario, RunAnalysis analysis);

    Clock clock_;
    QTimer frameTimer_;
    Scenario scenario_;
    std::unique_ptr<Relay> relay_;
    std::unique_ptr<Scheduler> scheduler_;
    RunAnalysis analysis_;
    bool comparing_ = false;
    std::set<const QObject*> explainers_; // those who want the explanation now
    std::shared_ptr<const MeasuredRun> measured_;
    std::unique_ptr<BackgroundAnalysis> background_; // made on the first big update
    std::uint64_t wanted_ = 0;                       // the update's request awaited, or 0
    Scenario pending_;                               // ... and its scenario
    double speed_ = 1;
    bool loop_ = true;
    bool playing_ = false;
    double now_ = 0;
    // Virtual time = anchorVirtual_ + (wall − anchorWall_) × rate, while playing.
    qint64 anchorWall_ = 0;
    double anchorVirtual_ = 0;
    // Set while in the pause between cycles: the wall time at which the next one starts.
    std::optional<qint64> restartAtWall_;
};

} // namespace coroscope
