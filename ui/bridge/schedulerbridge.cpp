#include "bridge/schedulerbridge.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace coroscope {

// The core listener: forwards each report as a signal of the bridge.
class SchedulerBridge::Relay final : public SchedulerListener {
public:
    explicit Relay(SchedulerBridge* bridge)
        : bridge_(bridge) {}
    void segmentStarted(const Segment& s) override { emit bridge_->segmentStarted(s); }
    void segmentFinished(const Segment& s) override { emit bridge_->segmentFinished(s); }
    void runFinished(std::int64_t endMs) override { emit bridge_->runFinished(qint64(endMs)); }
    void loopEvent(const LoopEvent& event) override { emit bridge_->loopEvent(event); }

private:
    SchedulerBridge* bridge_;
};

SchedulerBridge::SchedulerBridge(QObject* parent, Clock clock)
    : QObject(parent)
    , clock_(std::move(clock))
    , relay_(std::make_unique<Relay>(this)) {
    qRegisterMetaType<Segment>();
    qRegisterMetaType<Scenario>();
    qRegisterMetaType<LoopEvent>();
    qRegisterMetaType<std::shared_ptr<const Lanes>>();
    qRegisterMetaType<std::shared_ptr<const Explanation>>();
    qRegisterMetaType<std::shared_ptr<const MeasuredRun>>();
    if (!clock_) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        clock_ = [timer] { return timer->elapsed(); };
    }
    frameTimer_.setTimerType(Qt::PreciseTimer);
    frameTimer_.setInterval(kFrameMs);
    connect(&frameTimer_, &QTimer::timeout, this, &SchedulerBridge::tick);
}

SchedulerBridge::~SchedulerBridge() = default;

namespace {

// From this many steps a run takes longer to analyse than a few frames: an update of such a
// scenario is analysed in the background.
constexpr std::size_t kBackgroundSteps = 100'000;

std::size_t stepsOf(const Scenario& scenario) {
    std::size_t steps = 0;
    for (const Task& task : scenario.tasks)
        steps += task.steps.size();
    return steps;
}

} // namespace

void SchedulerBridge::setScenario(const Scenario& scenario) {
    wanted_ = 0; // an update under way is out of date
    install(scenario, analyseRun(scenario, {comparing_, measured_, !explainers_.empty()}));
}

void SchedulerBridge::setScenario(const Scenario& scenario, RunAnalysis analysed) {
    wanted_ = 0;
    install(scenario, std::move(analysed));
}

void SchedulerBridge::updateScenario(const Scenario& scenario) {
    if (stepsOf(scenario) < kBackgroundSteps) {
        const bool playing = playing_;
        const double at = now_;
        setScenario(scenario);
        if (!playing)
            seek(at); // paused: the same moment of the new schedule
        return;
    }
    if (!background_)
        background_ = std::make_unique<BackgroundAnalysis>(
            [this](std::uint64_t request, Scenario analysed, RunAnalysis analysis) {
                this->analysed(request, std::move(analysed), std::move(analysis));
            });
    pending_ = scenario;
    wanted_ = background_->request(scenario, {comparing_, measured_, !explainers_.empty()});
}

void SchedulerBridge::analysed(std::uint64_t request, Scenario scenario, RunAnalysis analysis) {
    if (request != wanted_)
        return; // another scenario was set or updated since
    wanted_ = 0;
    pending_ = {};
    const bool playing = playing_;
    const double at = now_;
    install(std::move(scenario), std::move(analysis));
    if (!playing)
        seek(at);
}

void SchedulerBridge::install(Scenario scenario, RunAnalysis analysis) {
    scenario_ = std::move(scenario);
    analysis_ = std::move(analysis);
    scheduler_ = std::make_unique<Scheduler>(scenario_);
    scheduler_->setListener(relay_.get());
    explainIfAsked(); // an analysis asked for before Explain was turned on has none
    emit explanationChanged(analysis_.explanation);
    emit blockingChanged(analysis_.blocking);
    emit scenarioChanged(scenario_, analysis_.lanes, analysis_.axisEnd);
    startCycle(clock_());
}

void SchedulerBridge::setComparing(bool on) {
    if (on == comparing_)
        return;
    comparing_ = on;
    if (!scheduler_)
        return;
    // The new axis, at the same moment: the animation goes on where it was.
    const double at = now_;
    if (wanted_ != 0)
        updateScenario(Scenario(pending_)); // the edit under way, with the blocking run or not
    else
        setScenario(scenario_);
    seek(at);
}

void SchedulerBridge::wantExplanation(const QObject* who, bool wanted) {
    if (!wanted) {
        explainers_.erase(who);
        return;
    }
    explainers_.insert(who);
    if (scheduler_ && !analysis_.explanation) {
        explainIfAsked();
        emit explanationChanged(analysis_.explanation);
    }
}

void SchedulerBridge::explainIfAsked() {
    if (!explainers_.empty() && !analysis_.explanation)
        analysis_.explanation = std::make_shared<const Explanation>(*analysis_.events, scenario_);
}

void SchedulerBridge::setMeasured(std::shared_ptr<const MeasuredRun> measured) {
    measured_ = std::move(measured);
    emit measuredChanged(measured_);
}

double SchedulerBridge::rate() const {
    return axisEnd() / kAxisWallMs * speed_;
}

void SchedulerBridge::setSpeed(double speed) {
    if (!(speed > 0) || speed == speed_)
        return;
    anchor(clock_()); // keep the current moment, change only how fast it moves on
    speed_ = speed;
    emit speedChanged(speed);
}

void SchedulerBridge::setLoop(bool loop) {
    if (loop == loop_)
        return;
    loop_ = loop;
    emit loopChanged(loop);
}

void SchedulerBridge::anchor(qint64 wallNow) {
    anchorWall_ = wallNow;
    anchorVirtual_ = now_;
}

void SchedulerBridge::play() {
    if (playing_ || !scheduler_)
        return;
    if (now_ >= analysis_.axisEnd && !restartAtWall_)
        startCycle(clock_()); // played to the end without looping: start over
    anchor(clock_());
    playing_ = true;
    frameTimer_.start();
    emit playingChanged(true);
}

void SchedulerBridge::pause() {
    if (!playing_)
        return;
    tick();
    playing_ = false;
    frameTimer_.stop();
    emit playingChanged(false);
}

void SchedulerBridge::restart() {
    if (scheduler_)
        startCycle(clock_());
}

void SchedulerBridge::startCycle(qint64 wallNow) {
    restartAtWall_.reset();
    scheduler_->reset();
    now_ = 0;
    anchor(wallNow);
    emit cycleRestarted();
    advanceTo(0);
}

void SchedulerBridge::stepForward() {
    pause();
    const auto next =
        std::upper_bound(analysis_.eventTimes.begin(), analysis_.eventTimes.end(), now_);
    if (next != analysis_.eventTimes.end())
        seek(double(*next));
}

void SchedulerBridge::stepBack() {
    pause();
    const auto here =
        std::lower_bound(analysis_.eventTimes.begin(), analysis_.eventTimes.end(), now_);
    if (here != analysis_.eventTimes.begin())
        seek(double(*std::prev(here)));
}

void SchedulerBridge::seek(double ms) {
    if (!scheduler_)
        return;
    ms = std::clamp(ms, 0.0, analysis_.axisEnd);
    restartAtWall_.reset();
    if (ms < now_) {
        scheduler_->reset();
        now_ = 0;
        emit cycleRestarted();
    }
    advanceTo(ms);
    anchor(clock_());
}

void SchedulerBridge::advanceTo(double ms) {
    now_ = ms;
    scheduler_->runUntil(std::int64_t(std::floor(ms)));
    emit timeAdvanced(ms);
}

void SchedulerBridge::tick() {
    if (!playing_ || !scheduler_)
        return;
    const qint64 wall = clock_();
    if (restartAtWall_) {
        if (wall < *restartAtWall_)
            return;
        startCycle(*restartAtWall_);
    }
    const double target = anchorVirtual_ + double(wall - anchorWall_) * rate();
    if (target < analysis_.axisEnd) {
        advanceTo(target);
        return;
    }
    advanceTo(analysis_.axisEnd);
    emit cycleEnded();
    if (loop_) {
        // The pause counts from the moment the axis end was reached, not from this tick.
        const qint64 endWall =
            anchorWall_ + qint64(std::ceil((analysis_.axisEnd - anchorVirtual_) / rate()));
        restartAtWall_ = endWall + kPauseMs;
        if (wall >= *restartAtWall_) {
            // A jump past the pause as well: go on in the cycle the clock is in now.
            const qint64 cycleWall = qint64(std::ceil(analysis_.axisEnd / rate())) + kPauseMs;
            *restartAtWall_ += (wall - *restartAtWall_) / cycleWall * cycleWall;
            tick();
        }
    } else {
        playing_ = false;
        frameTimer_.stop();
        emit playingChanged(false);
    }
}

} // namespace coroscope
