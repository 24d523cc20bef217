#include "code/codedock.h"

#include "bridge/schedulerbridge.h"

#include <QFontDatabase>

#include <algorithm>
#include <optional>
#include <utility>

namespace coroscope {

namespace {

// What a task is doing at a time: the step it is at and how to colour it.
struct TaskNow {
    std::size_t step = 0;
    std::optional<StepKind> kind; // holding the loop or waiting; none: ready to run
};

// A time ms means just after every decision at times <= ms, as the animation shows it.
std::optional<TaskNow> taskNow(const RunAnalysis& analysis, std::size_t task, double ms,
                               std::size_t steps) {
    const Lanes& lanes = *analysis.lanes;
    const std::span<const LaneSegment> lane = lanes.lane(task);
    const auto next = std::partition_point(lane.begin(), lane.end(),
                                           [&](const LaneSegment& s) { return s.end <= ms; });
    const std::size_t at = std::size_t(next - lane.begin());
    if (next != lane.end() && next->start <= ms)
        return TaskNow{lanes.laneStep(task, at).step, next->kind};
    if (!analysis.explanation)
        return std::nullopt; // not asked for (the dock asks while it is shown)
    const std::span<const Stretch> ready = analysis.explanation->ready.lane(task);
    const auto stretch = std::partition_point(ready.begin(), ready.end(),
                                              [&](const Stretch& s) { return s.end <= ms; });
    if (stretch == ready.end() || stretch->start > ms || steps == 0)
        return std::nullopt; // not yet arrived, between two moments, or gone
    // Ready for the step whose segment comes next; with none left, for its last (it returns).
    return TaskNow{next != lane.end() ? lanes.laneStep(task, at).step : steps - 1, {}};
}

QColor withAlpha(QColor color, double alpha) {
    color.setAlphaF(float(alpha));
    return color;
}

} // namespace

CodeDock::CodeDock(QWidget* parent)
    : QDockWidget(tr("Code"), parent)
    , view_(new CodeView(this)) {
    setObjectName(QStringLiteral("codeDock"));
    view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view_->setAccessibleName(tr("The scenario as asyncio code"));
    view_->setAccessibleDescription(tr("Each task's current line is highlighted as the run "
                                       "plays; clicking a line selects its step"));
    setWidget(view_);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (bridge_) // its ready lines come from the explanation
            bridge_->wantExplanation(this, visible);
        if (visible && stale_)
            showCode();
        if (visible)
            highlightNow();
    });
    connect(view_, &CodeView::visibleLinesChanged, this, &CodeDock::highlightNow);
    connect(view_, &CodeView::lineClicked, this, [this](int line) {
        const auto [task, step] = functions_.stepOnLine(std::size_t(line));
        if (task >= 0)
            emit stepClicked(task, step);
    });
}

void CodeDock::follow(SchedulerBridge* bridge) {
    bridge_ = bridge;
    connect(bridge, &SchedulerBridge::scenarioChanged, this, [this] {
        stale_ = true;
        if (isVisible())
            showCode();
    });
    connect(bridge, &SchedulerBridge::timeAdvanced, this, [this] {
        if (isVisible())
            highlightNow();
    });
}

void CodeDock::setTheme(const style::Theme& theme) {
    theme_ = theme;
    highlightNow();
}

QColor CodeDock::kindColor(const KindSpec& kind) {
    return withAlpha(style::kindColors(kind).from, 0.35);
}

QColor CodeDock::readyColor(const style::Theme& theme) {
    return withAlpha(theme.mutedText, 0.3);
}

void CodeDock::showCode() {
    if (!bridge_)
        return;
    stale_ = false;
    functions_ = asyncioTaskFunctions(bridge_->scenario());
    view_->setText(std::exchange(functions_.text, {})); // where the reader was
    highlightNow();
}

void CodeDock::highlightNow() {
    if (!bridge_ || stale_ || bridge_->lanes()->tasks() == 0) {
        view_->setHighlights({});
        return;
    }
    const RunAnalysis& analysis = bridge_->analysis();
    const Scenario& scenario = bridge_->scenario();
    const auto taskOnLine = [&](int line) {
        const auto after =
            std::upper_bound(functions_.tasks.begin(), functions_.tasks.end(), std::size_t(line),
                             [](std::size_t l, const CodeLines& c) { return l < c.first; });
        return std::size_t(std::max<std::ptrdiff_t>(after - functions_.tasks.begin() - 1, 0));
    };
    const std::size_t last =
        std::min(taskOnLine(view_->lastVisibleLine()), analysis.lanes->tasks() - 1);
    std::vector<Highlight> lit;
    for (std::size_t task = taskOnLine(view_->firstVisibleLine()); task <= last; ++task) {
        const std::span<const CodeLines> steps = functions_.stepsOf(task);
        const std::optional<TaskNow> now = taskNow(analysis, task, bridge_->now(), steps.size());
        if (!now || now->step >= steps.size())
            continue;
        const QColor color = now->kind ? kindColor(scenario.kinds[*now->kind]) : readyColor(theme_);
        const CodeLines& lines = steps[now->step];
        for (std::size_t line = lines.first; line < lines.first + lines.count; ++line)
            lit.push_back({int(line), color});
    }
    view_->setHighlights(std::move(lit));
}

} // namespace coroscope
