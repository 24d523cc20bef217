#include "timeline/timelinepane.h"

#include "bridge/schedulerbridge.h"
#include "timeline/blockingcard.h"
#include "timeline/overviewstrip.h"
#include "timeline/timelinescene.h"
#include "timeline/timelineview.h"

#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
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
    , blockingScene_(new TimelineScene(this))
    , blockingView_(new TimelineView(blockingScene_, this))
    , cards_(new QSplitter(Qt::Vertical, this))
    , timeScroll_(new QScrollBar(Qt::Horizontal, this))
    , overview_(new OverviewStrip(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    cards_->addWidget(view_);
    cards_->addWidget(blockingView_);
    cards_->setChildrenCollapsible(false);
    layout->addWidget(cards_, 1);
    blockingView_->setAccessibleName(blockingCardTitle());
    blockingView_->hide(); // until the bridge compares
    blockingScene_->setPlayheadShown(true);
    blockingScene_->setFinishCaption(blockingFinishCaption());
    layout->addWidget(timeScroll_);
    layout->addWidget(overview_);
    timeScroll_->setAccessibleName(tr("Time"));
    timeScroll_->hide(); // until zoomed in
    setFocusProxy(view_);

    connect(scene_, &TimelineScene::windowChanged, this, &TimelinePane::showWindow);
    // Both cards show the same window of time: zooming or panning either moves the other.
    connect(scene_, &TimelineScene::windowChanged, blockingScene_,
            [this] { blockingScene_->setWindow(scene_->window()); });
    connect(blockingScene_, &TimelineScene::windowChanged, scene_,
            [this] { scene_->setWindow(blockingScene_->window()); });
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
    connect(bridge, &SchedulerBridge::blockingChanged, this,
            [this](std::shared_ptr<const Lanes> lanes) { showBlocking(lanes != nullptr); });
    followBlocking(*blockingScene_, *bridge, *scene_);
    connect(blockingView_, &TimelineView::seekRequested, bridge, &SchedulerBridge::seek);
}

void TimelinePane::showBlocking(bool comparing) {
    scene_->setFinishCaption(comparing ? asyncFinishCaption() : QString());
    if (comparing == !blockingView_->isHidden())
        return;
    blockingView_->setVisible(comparing);
    view_->setRowsFitted(comparing);
    blockingView_->setRowsFitted(comparing);
    if (!comparing)
        return;
    // The two cards share the height, each showing its ruler and rows rather than its title.
    cards_->setSizes({cards_->height() / 2, cards_->height() - cards_->height() / 2});
    QTimer::singleShot(0, this, [this] {
        view_->showTracks();
        blockingView_->showTracks();
    });
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
