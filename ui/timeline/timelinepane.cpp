#include "timeline/timelinepane.h"

#include "bridge/schedulerbridge.h"
#include "timeline/overviewstrip.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace coroscope {

namespace {

// The scroll bar counts the axis in this many parts (its values are ints).
constexpr double kScrollUnits = 1'000'000;

} // namespace

TimelinePane::TimelinePane(TimelineScene* scene, QWidget* parent)
    : QWidget(parent)
    , scene_(scene)
    , view_(new TimelineView(scene, this))
    , timeScroll_(new QScrollBar(Qt::Horizontal, this))
    , overview_(new OverviewStrip(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(view_, 1);
    layout->addWidget(timeScroll_);
    layout->addWidget(overview_);
    timeScroll_->setAccessibleName(tr("Time"));
    timeScroll_->hide(); // until zoomed in
    setFocusProxy(view_);

    connect(scene_, &TimelineScene::windowChanged, this, &TimelinePane::showWindow);
    connect(overview_, &OverviewStrip::windowRequested, scene_, &TimelineScene::setWindow);
    connect(timeScroll_, &QScrollBar::valueChanged, this, [this](int value) {
        const double from = value / kScrollUnits * scene_->axisEnd();
        scene_->setWindow({from, from + scene_->window().span()});
    });
    showWindow();
}

void TimelinePane::follow(SchedulerBridge* bridge) {
    connect(bridge, &SchedulerBridge::scenarioChanged, overview_,
            [this](const Scenario&, std::shared_ptr<const Lanes> lanes, double axisEnd) {
                // The window follows through the scene's windowChanged, sent on every scenario.
                overview_->showRun(std::move(lanes), axisEnd);
            });
    connect(bridge, &SchedulerBridge::timeAdvanced, overview_, &OverviewStrip::setNow);
}

void TimelinePane::showWindow() {
    const TimeWindow& window = scene_->window();
    overview_->setWindow(window.from, window.to);
    const double axisEnd = scene_->axisEnd();
    const QSignalBlocker quiet(timeScroll_); // moving it to match is not a request to pan
    const int page = int(std::lround(window.span() / axisEnd * kScrollUnits));
    timeScroll_->setRange(0, int(kScrollUnits) - page);
    timeScroll_->setPageStep(page);
    timeScroll_->setSingleStep(std::max(1, page / 10));
    timeScroll_->setValue(int(std::lround(window.from / axisEnd * kScrollUnits)));
    timeScroll_->setVisible(!scene_->isFit());
}

} // namespace coroscope
