#include "timeline/timelinescene.h"

#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "timeline/arrowsitem.h"
#include "timeline/axisitem.h"
#include "timeline/lanesitem.h"
#include "timeline/measureditem.h"
#include "timeline/queuechipsitem.h"
#include "timeline/rowlabelsitem.h"
#include "timeline/segmentstory.h"
#include "timeline/slotlanesitem.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinestyle.h"
#include "timeline/widestname.h"

#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSceneHelpEvent>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace coroscope {

using namespace style;

namespace {

// Tracks and segments above the card and its text; the ruler above them (it stays in view
// over scrolled rows); the playhead on top.
constexpr double kDecorationZ = 1;
constexpr double kLanesZ = 2;
constexpr double kMeasuredZ = 2.5; // a measured run's outlines over the segments
constexpr double kArrowsZ = 2.7;   // spawn and join arrows over both
constexpr double kRulerZ = 3;
constexpr double kPlayheadZ = 4;

} // namespace

QString describeSegment(const Segment& s, const QString& taskName, const KindTable& kinds) {
    // One multi-argument arg(), so that a "%2" in a task name stays as typed.
    return QStringLiteral("%1, step %2: %3\n%4 ms to %5 ms (%6 ms)")
        .arg(taskName, QString::number(s.step + 1), toQString(kinds[s.kind].label),
             QString::number(s.start), QString::number(s.end), QString::number(s.duration()));
}

TimelineScene::TimelineScene(QObject* parent)
    : QGraphicsScene(parent)
    , cardWidth_(kCardMaxWidth)
    , ticks_(ticksFor(0, 1000))
    , lanes_(std::make_shared<Lanes>())
    , explanation_(std::make_shared<Explanation>())
    , card_(new CardItem)
    , title_(new TextItem(TextItem::Role::Title, {}, style::font(kTitleSize, true), Qt::AlignLeft))
    , subtitle_(
          new TextItem(TextItem::Role::Subtitle, {}, style::font(kSubtitleSize), Qt::AlignLeft))
    , axis_(new AxisItem(*this))
    , lanesItem_(new LanesItem(*this))
    , slotLanesItem_(new SlotLanesItem(*this))
    , arrowsItem_(new ArrowsItem(*this))
    , measuredItem_(new MeasuredItem(*this))
    , rowLabels_(new RowLabelsItem(*this))
    , queueChips_(new QueueChipsItem(*this))
    , finishLabel_(new TextItem(TextItem::Role::Finish, {}, style::font(kAxisLabelSize, true),
                                Qt::AlignHCenter)) {
    // A few large items that paint what is in view: no index to keep up to date.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    setBackgroundBrush(theme_.page);
    addItem(card_);
    for (TextItem* text : {title_, subtitle_}) {
        text->setZValue(kDecorationZ);
        addItem(text);
    }
    rowLabels_->setZValue(kDecorationZ);
    addItem(rowLabels_);
    lanesItem_->setZValue(kLanesZ);
    addItem(lanesItem_);
    slotLanesItem_->setZValue(kLanesZ);
    addItem(slotLanesItem_);
    measuredItem_->setZValue(kMeasuredZ);
    addItem(measuredItem_);
    arrowsItem_->setZValue(kArrowsZ);
    addItem(arrowsItem_);
    axis_->setZValue(kRulerZ);
    addItem(axis_);
    legendRule_ = addRect(QRectF(), Qt::NoPen, theme_.rule);
    legendRule_->setZValue(kDecorationZ);
    // The kinds, then the measured run's entry (with a recording only) and the ready
    // stretches' (in Explain mode, and with a recording: its late awaits look the same).
    showKinds(builtinKinds());
    addLegendEntry(new SwatchItem(SwatchItem::Mark::Queued), tr("Queued for a slot"));
    addLegendEntry(new SwatchItem(SwatchItem::Mark::Measured), tr("Measured (asyncio)"));
    addLegendEntry(new SwatchItem(SwatchItem::Mark::Ready), tr("Ready, waiting for the loop"));
    // Hidden until the window asks for it.
    playhead_ = addLine(QLineF());
    playheadTime_ = addSimpleText(QString(), style::font(kAxisLabelSize));
    for (QGraphicsItem* item :
         std::initializer_list<QGraphicsItem*>{playhead_, playheadTime_, queueChips_}) {
        item->setZValue(kPlayheadZ);
        item->hide();
    }
    addItem(queueChips_);
    finishLine_ = addLine(QLineF());
    addItem(finishLabel_);
    for (QGraphicsItem* item : std::initializer_list<QGraphicsItem*>{finishLine_, finishLabel_}) {
        item->setZValue(kRulerZ); // over the segments, under the pinned ruler's band
        item->hide();
    }
    relayout();
}

TimelineScene::~TimelineScene() = default;

void TimelineScene::follow(SchedulerBridge* bridge) {
    connect(bridge, &SchedulerBridge::explanationChanged, this, &TimelineScene::showExplanation);
    connect(this, &TimelineScene::explanationWanted, bridge,
            [this, bridge](bool wanted) { bridge->wantExplanation(this, wanted); });
    if (explained_)
        bridge->wantExplanation(this, true);
    connect(bridge, &SchedulerBridge::measuredChanged, this, &TimelineScene::showMeasured);
    connect(bridge, &SchedulerBridge::scenarioChanged, this, &TimelineScene::showScenario);
    connect(bridge, &SchedulerBridge::timeAdvanced, this, &TimelineScene::advanceTo);
    connect(bridge, &SchedulerBridge::cycleRestarted, this, &TimelineScene::clearSegments);
}

std::optional<std::size_t> TimelineScene::measuredTask(int row) const {
    if (row < 0 || row >= rows())
        return std::nullopt;
    const std::size_t task = rowTask(row);
    return task < measuredTasks_.size() ? measuredTasks_[task] : std::nullopt;
}

std::span<const ResourceLane> TimelineScene::slotLanes() const {
    const std::span<const ResourceLane> lanes = explanation_->slotLanes.lanes();
    // An explanation of another scenario's run is not shown (a new one is on its way).
    if (lanes.size() != slotLaneKinds_.size() ||
        !std::equal(lanes.begin(), lanes.end(), slotLaneKinds_.begin(),
                    [](const ResourceLane& lane, const LaneKind& kind) { return lane.of == kind; }))
        return {};
    return lanes;
}

std::span<const LaneSegment> TimelineScene::rowLane(int row) const {
    if (std::size_t(row) < mergedLanes_.size() && !mergedLanes_[std::size_t(row)].empty())
        return mergedLanes_[std::size_t(row)];
    return lanes_->lane(rowTask(row));
}

bool TimelineScene::isFolded(std::size_t task) const {
    return task < folded_.size() && folded_[task];
}

void TimelineScene::setFolded(std::size_t task, bool folded) {
    if (task >= tree_.tasks() || !tree_.hasChildren(task) || isFolded(task) == folded)
        return;
    folded_[task] = folded;
    placeRows();
    relayout();
}

void TimelineScene::placeRows() {
    treeRows_ = TreeRows(tree_, folded_);
    mergedLanes_.clear();
    for (int row = 0; row < treeRows_.rows(); ++row) {
        const std::size_t task = treeRows_.task(row);
        if (!isFolded(task))
            continue;
        mergedLanes_.resize(std::size_t(treeRows_.rows()));
        mergedLanes_[std::size_t(row)] =
            mergedLane(*lanes_, tree_.subtree(task), kinds_.find(KindBehaviour::Join));
    }
}

void TimelineScene::setArrowsShown(bool shown) {
    arrowsChosen_ = shown;
    arrowsItem_->update();
}

std::vector<ShownArrow> TimelineScene::shownArrows() const {
    return arrowsItem_->shown();
}

bool TimelineScene::arrowsShown() const {
    return arrowsChosen_.value_or(tree_.tasks() <= kArrowsUpTo);
}

std::span<const std::uint32_t> TimelineScene::joinedBy(std::size_t task, std::size_t step) const {
    const auto it =
        std::lower_bound(joins_.begin(), joins_.end(), std::pair{task, step},
                         [](const JoinStep& j, std::pair<std::size_t, std::size_t> at) {
                             return std::pair<std::size_t, std::size_t>{j.task, j.step} < at;
                         });
    if (it == joins_.end() || it->task != task || it->step != step)
        return {};
    return it->tasks;
}

// The rows' names as the scenario has them (valid UTF-8, so the round trip keeps them).
void TimelineScene::matchMeasured() {
    measuredTasks_.clear();
    if (!measured_)
        return;
    std::vector<std::string> names;
    names.reserve(std::size_t(taskNames_.size()));
    for (const QString& name : std::as_const(taskNames_))
        names.push_back(name.toStdString());
    measuredTasks_ = matchTasks(names, measured_->taskNames());
}

void TimelineScene::setTheme(const Theme& theme) {
    if (theme == theme_)
        return;
    theme_ = theme;
    setBackgroundBrush(theme_.page);
    legendRule_->setBrush(theme_.rule);
    placePlayhead();
    placeFinish();
    // Items read the theme as they paint; text must also drop its cached image.
    for (QGraphicsItem* item : items())
        item->update();
}

void TimelineScene::setCardWidth(double width) {
    if (width == cardWidth_)
        return;
    cardWidth_ = width;
    relayout();
}

void TimelineScene::showScenario(const Scenario& scenario, std::shared_ptr<const Lanes> lanes,
                                 double axisEnd) {
    const bool wasFit = isFit();
    now_ = 0;
    lanes_ = lanes ? std::move(lanes) : std::make_shared<Lanes>();
    axisEnd_ = axisEnd;
    makespan_ = 0;
    anyQueued_ = false;
    for (std::size_t task = 0; task < lanes_->tasks(); ++task) {
        const std::span<const LaneSegment> lane = lanes_->lane(task);
        if (!lane.empty())
            makespan_ = std::max(makespan_, lane.back().end);
        anyQueued_ = anyQueued_ || std::any_of(lane.begin(), lane.end(),
                                               [](const LaneSegment& s) { return s.queued; });
    }
    title_->setText(toQString(scenario.title));
    subtitle_->setText(toQString(scenario.subtitle));
    if (scenario.kinds != kinds_)
        showKinds(scenario.kinds);

    // Names are measured only when they change (not on a duration edit of a big scenario).
    QStringList names;
    names.reserve(qsizetype(scenario.tasks.size()));
    for (const Task& task : scenario.tasks)
        names.push_back(toQString(task.name));
    if (names != taskNames_ || rowLabelFontSize(int(names.size())) != layout_.rowLabelSize) {
        taskNames_ = std::move(names);
        const QFontMetricsF metrics(style::font(rowLabelFontSize(int(taskNames_.size())), true));
        // A name that fits is never elided.
        widestRowLabel_ = std::ceil(widestName(taskNames_, metrics));
    }
    matchMeasured();
    // The tree's rows; folds stay as they were while the tasks do.
    tree_ = TaskTree(scenario);
    showsTree_ = false;
    std::uint32_t deepest = 0;
    for (std::size_t t = 0; t < tree_.tasks(); ++t) {
        showsTree_ = showsTree_ || tree_.parent(t) != TaskTree::kNone;
        deepest = std::max(deepest, tree_.depth(t));
    }
    treeIndent_ = showsTree_ ? labelIndent(deepest) : 0;
    if (folded_.size() != scenario.tasks.size())
        folded_.assign(scenario.tasks.size(), false);
    placeRows();
    arrows_ = flowArrows(scenario, *lanes_);
    threads_ = scenario.threads;
    slotLaneKinds_ = slotLaneKinds(scenario);
    joins_.clear();
    if (const std::optional<StepKind> join = scenario.kinds.find(KindBehaviour::Join))
        for (std::size_t t = 0; t < scenario.tasks.size(); ++t)
            for (std::size_t i = 0; i < scenario.tasks[t].steps.size(); ++i)
                if (const Step& step = scenario.tasks[t].steps[i]; step.kind == *join)
                    joins_.push_back(
                        {std::uint32_t(t), std::uint32_t(i),
                         std::vector<std::uint32_t>(step.tasks.begin(), step.tasks.end())});
    // An edit keeps the zoom where it still fits the run; a fitted view stays fitted.
    window_ = wasFit ? coroscope::fitWindow(axisEnd_) : clampedWindow(window_, axisEnd_);
    relayout();
    windowMoved();
}

void TimelineScene::showExplanation(std::shared_ptr<const Explanation> explanation) {
    explanation_ = explanation ? std::move(explanation) : std::make_shared<Explanation>();
    if (explained_)
        updateTracks();
}

void TimelineScene::showMeasured(std::shared_ptr<const MeasuredRun> measured) {
    measured_ = std::move(measured);
    matchMeasured();
    placeLegend();
    measuredItem_->update();
}

void TimelineScene::setExplained(bool on) {
    if (on == explained_)
        return;
    explained_ = on;
    emit explanationWanted(on);
    relayout(); // the loop's lane comes or goes above the rows, the legend's entry with it
}

void TimelineScene::setWindow(const TimeWindow& window) {
    const TimeWindow clamped = clampedWindow(window, axisEnd_);
    if (clamped.from == window_.from && clamped.to == window_.to)
        return;
    window_ = clamped;
    windowMoved();
}

void TimelineScene::zoomAround(double anchorMs, double factor) {
    setWindow(zoomedAround(window_, anchorMs, factor, axisEnd_));
}

void TimelineScene::panBy(double deltaMs) {
    setWindow(pannedBy(window_, deltaMs, axisEnd_));
}

void TimelineScene::fitWindow() {
    setWindow(coroscope::fitWindow(axisEnd_));
}

bool TimelineScene::isFit() const {
    return coroscope::isFit(window_, axisEnd_);
}

void TimelineScene::windowMoved() {
    ticks_ = ticksFor(window_.from, window_.to);
    axis_->update();
    updateTracks();
    placePlayhead();
    placeFinish();
    emit windowChanged(window_.from, window_.to);
}

void TimelineScene::advanceTo(double nowMs) {
    const double before = now_;
    now_ = nowMs;
    if (nowMs >= before)
        updateTracks(std::pair{before, nowMs}); // only where segments grew
    else
        updateTracks();
    placePlayhead();
    placeFinish();
}

void TimelineScene::clearSegments() {
    now_ = 0;
    updateTracks();
    placePlayhead();
    placeFinish();
}

void TimelineScene::updateTracks(std::optional<std::pair<double, double>> between) {
    if (!between) {
        lanesItem_->update();
        slotLanesItem_->update();
        measuredItem_->update();
        arrowsItem_->update();
        return;
    }
    // The strip between the two times, widened by a pill's round end and its shadow.
    const double pad = lanesItem_->spill();
    const double left = std::max(layout_.xAt(between->first, window_), layout_.trackLeft);
    const double right =
        std::min(layout_.xAt(between->second, window_), layout_.trackLeft + layout_.trackWidth);
    if (right < layout_.trackLeft || left > layout_.trackLeft + layout_.trackWidth)
        return; // outside the window: nothing on screen changed
    const QRectF area = lanesItem_->boundingRect();
    lanesItem_->update(QRectF(left - pad, area.top(), right - left + 2 * pad, area.height()));
    if (slotLanesItem_->isVisible()) // the holders' names are centred in their stretch so far
        slotLanesItem_->update();
    // An arrow appears whole once its end is reached, its tail far left of the strip.
    const auto reached = [&](const FlowArrow& a) {
        return double(a.toMs) > between->first && double(a.toMs) <= between->second;
    };
    if (arrowsShown() && std::any_of(arrows_.begin(), arrows_.end(), reached))
        arrowsItem_->update();
}

std::vector<ShownSegment> TimelineScene::shownSegments() const {
    std::vector<ShownSegment> shown;
    for (std::size_t task = 0; task < lanes_->tasks() && task < tree_.tasks(); ++task) {
        const int row = taskRow(task);
        if (rowTask(row) != task)
            continue; // folded away: its row shows the subtree merged
        const std::span<const LaneSegment> lane = lanes_->lane(task);
        for (std::size_t i = 0; i < lane.size() && double(lane[i].start) <= now_; ++i) {
            const LaneSegment& s = lane[i];
            const QRectF track = layout_.track(row);
            const double left = layout_.xAt(double(s.start), window_);
            const double right = layout_.xAt(std::min(double(s.end), now_), window_);
            shown.push_back({Segment{task, s.step, s.kind, s.start, s.end, s.queued},
                             QRectF(left, track.top(), right - left, track.height())});
        }
    }
    std::sort(shown.begin(), shown.end(), [](const ShownSegment& a, const ShownSegment& b) {
        return startsBefore(a.segment, b.segment);
    });
    return shown;
}

std::optional<TimelineScene::TaskHit> TimelineScene::drawnTaskAt(QPointF scenePoint) const {
    const auto hit = layout_.trackHitAt(scenePoint, window_);
    if (!hit || !layout_.track(hit->row).contains(scenePoint) || hit->ms >= now_)
        return std::nullopt;
    const std::size_t task = rowTask(hit->row);
    if (isFolded(task))
        return std::nullopt;
    return TaskHit{task, hit->ms};
}

std::optional<Segment> TimelineScene::segmentAt(QPointF scenePoint) const {
    const std::optional<TaskHit> hit = drawnTaskAt(scenePoint);
    if (!hit)
        return std::nullopt;
    const std::ptrdiff_t index = lanes_->stepAt(hit->task, hit->ms);
    if (index < 0)
        return std::nullopt;
    const LaneSegment& s = lanes_->lane(hit->task)[std::size_t(index)];
    return Segment{hit->task, s.step, s.kind, s.start, s.end, s.queued};
}

QString TimelineScene::shownRowLabel(int row) const {
    const std::vector<SceneText> label = rowLabels_->labels(row, row + 1);
    return label.empty() ? QString() : label.front().text;
}

std::vector<SceneText> TimelineScene::texts() const {
    std::vector<SceneText> texts;
    auto addItem = [&](const TextItem* item) {
        if (!item->text().isEmpty())
            texts.push_back({item->role(), item->rect(), item->shownText(), item->font(),
                             item->color(), item->alignment()});
    };
    addItem(title_);
    addItem(subtitle_);
    for (SceneText& label : axis_->labels())
        texts.push_back(std::move(label));
    for (SceneText& label : rowLabels_->labels(0, rows()))
        texts.push_back(std::move(label));
    if (layout_.loopLane) {
        texts.push_back(rowLabels_->loopLabel());
        for (SceneText& text : lanesItem_->loopTexts(window_.from, window_.to))
            texts.push_back(std::move(text));
        for (SceneText& text : slotLanesItem_->texts(window_.from, window_.to))
            texts.push_back(std::move(text));
    }
    for (std::size_t i = 0; i < legendLabels_.size(); ++i)
        if (swatches_[i]->isVisible()) // the entries placeLegend shows
            addItem(legendLabels_[i]);
    if (finishLine_->isVisible())
        addItem(finishLabel_);
    return texts;
}

void TimelineScene::setPaintProgress(const Progress& progress) {
    paintProgress_ = progress;
    paintStopped_ = false;
}

bool TimelineScene::rowsPainted(int done) {
    if (paintStopped_ || !goOn(paintProgress_, rows() > 0 ? double(done) / rows() : 1))
        paintStopped_ = true;
    return !paintStopped_;
}

void TimelineScene::setTextPainted(bool painted) {
    textPainted_ = painted;
    for (TextItem* item : {title_, subtitle_})
        item->setVisible(painted);
    placeLegend();
    placeFinish();
    axis_->update();
    rowLabels_->update();
}

void TimelineScene::highlightStep(int task, int step) {
    highlighted_ = {task, step};
    updateTracks();
}

void TimelineScene::setRowDetails(RowDetails details) {
    rowDetails_ = std::move(details);
}

void TimelineScene::setPlayheadShown(bool shown) {
    playhead_->setVisible(shown);
    playheadTime_->setVisible(shown);
    placePlayhead();
}

bool TimelineScene::playheadShown() const {
    return playhead_->isVisible();
}

void TimelineScene::setFinishCaption(const QString& caption) {
    finishCaption_ = caption;
    placeFinish();
}

void TimelineScene::placeFinish() {
    const bool shown = !finishCaption_.isEmpty() && layout_.rows > 0 && now_ >= double(makespan_) &&
                       double(makespan_) >= window_.from && double(makespan_) <= window_.to;
    finishLine_->setVisible(shown);
    finishLabel_->setVisible(shown && textPainted_);
    if (!shown)
        return;
    const double x = layout_.xAt(double(makespan_), window_);
    const double bottom = layout_.track(layout_.rows - 1).bottom();
    QPen pen(theme_.title, 1.5, Qt::DashLine);
    finishLine_->setPen(pen);
    finishLine_->setLine(x, layout_.axisLine.bottom(), x, bottom + 4);
    // Under the last row, centred on the line, kept over the tracks.
    finishLabel_->setText(finishCaption_.arg(toQString(timeReadout(double(makespan_), ticks_))));
    const double width =
        QFontMetricsF(finishLabel_->font()).horizontalAdvance(finishLabel_->text()) + 2;
    const double left = std::clamp(x - width / 2, layout_.trackLeft,
                                   layout_.trackLeft + layout_.trackWidth - width);
    finishLabel_->setRect(QRectF(left, bottom + 5, width, kAxisLabelLine));
}

void TimelineScene::pinRuler(double viewTop) {
    const double natural = layout_.axisLabelTop - kRulerBandAbove;
    const double offset = std::max(0.0, viewTop - natural);
    const bool titleAway = viewTop > layout_.title.center().y();
    if (offset == rulerOffset_ && titleAway == titleScrolledAway_)
        return;
    rulerOffset_ = offset;
    titleScrolledAway_ = titleAway;
    placeRuler();
    placePlayhead();
}

QString TimelineScene::cardTitle() const {
    return title_->text();
}

void TimelineScene::placeRuler() {
    // The item paints at the offset itself (not moved by setPos): its labels are scene text.
    const double bandTop = layout_.axisLabelTop - kRulerBandAbove;
    axis_->setRect(QRectF(layout_.card.left() + 1, bandTop + rulerOffset_, layout_.card.width() - 2,
                          layout_.axisLine.bottom() + kRulerBandBelow - bandTop));
    axis_->update();
}

void TimelineScene::placePlayhead() {
    if (!playhead_->isVisible() || layout_.rows == 0)
        return;
    const bool inView = now_ >= window_.from && now_ <= window_.to;
    const double x = layout_.xAt(now_, window_);
    const double bottom = layout_.track(layout_.rows - 1).bottom();
    playhead_->setLine(x, layout_.axisLine.top(), x, bottom + 2);
    QColor ink = theme_.title;
    ink.setAlphaF(0.7);
    playhead_->setPen(QPen(ink, 1.5));
    playhead_->setOpacity(inView ? 1 : 0);
    playheadTime_->setBrush(theme_.title);
    playheadTime_->setText(toQString(timeReadout(now_, ticks_)));
    const QRectF text = playheadTime_->boundingRect();
    // Beside the line, never across it: after it, or before it where the track ends.
    constexpr double kGap = 4;
    const double trackRight = layout_.trackLeft + layout_.trackWidth;
    const double left = x + kGap + text.width() <= trackRight ? x + kGap : x - kGap - text.width();
    playheadTime_->setPos(left, layout_.axisLine.bottom() + 3 + rulerOffset_);
    playheadTime_->setOpacity(inView ? 1 : 0);
    // Explain mode: the ready queue at this moment, beside the time.
    queueChips_->setVisible(explained_);
    queueChips_->setRect(QRectF(left + text.width() + 8, playheadTime_->pos().y(),
                                layout_.trackLeft + layout_.trackWidth - left - text.width() - 8,
                                text.height()));
    queueChips_->update();
}

void TimelineScene::helpEvent(QGraphicsSceneHelpEvent* event) {
    QString text;
    if (const std::optional<Segment> segment = segmentAt(event->scenePos())) {
        text = describeRunSegment(*segment, {kinds_, taskNames_, *lanes_, threads_,
                                             joinedBy(segment->task, segment->step)});
        if (const QString measured = describeMeasuredAt(event->scenePos()); !measured.isEmpty())
            text += '\n' + measured;
    } else if (layout_.loopLane && layout_.loopTrack().contains(event->scenePos())) {
        text = describeLoopAt(event->scenePos());
    } else if (const QString slot = slotLanesItem_->describeAt(event->scenePos());
               !slot.isEmpty()) {
        text = slot;
    } else if (const int row = rowLabelAt(event->scenePos()); row >= 0) {
        const std::size_t task = rowTask(row);
        const QString& name = taskNames_[qsizetype(task)];
        if (rowDetails_)
            text = rowDetails_(int(task));
        if (text.isEmpty() && shownRowLabel(row) != name)
            text = name; // an elided label's full name
        if (isFolded(task))
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) +
                    tr("Folded: with the %n task(s) it spawns, merged; click to unfold", nullptr,
                       int(tree_.subtreeSize(task) - 1));
    } else if (const std::optional<TrackHit> hit = layout_.trackHitAt(event->scenePos(), window_);
               hit && isFolded(rowTask(hit->row)) && hit->ms < now_) {
        text = tr("%1 and the %n task(s) it spawns, folded: click its name to unfold", nullptr,
                  int(tree_.subtreeSize(rowTask(hit->row)) - 1))
                   .arg(taskNames_[qsizetype(rowTask(hit->row))]);
    } else {
        text = describeReadyAt(event->scenePos());
        // An outline where the model has nothing, or over the model's ready stretch.
        if (const QString measured = describeMeasuredAt(event->scenePos()); !measured.isEmpty())
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + measured;
    }
    text = plainToolTip(text); // a task name such as "<b>x</b>" shows as typed
    // Empty text hides a tooltip left over from a segment.
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

QString describeMeasured(const MeasuredSegment& s) {
    const auto ms = [](double value) { return QString::number(value, 'f', 1); };
    QString text =
        QObject::tr("Measured under asyncio: %1 ms to %2 ms").arg(ms(s.start), ms(s.end));
    if (s.late() >= 0.05)
        text +=
            QObject::tr("; its await returned %1 ms later, the loop being busy").arg(ms(s.late()));
    return text;
}

QString describeLoopWork(const MeasuredSegment& s) {
    const auto ms = [](double value) { return QString::number(value, 'f', 1); };
    if (s.kind == StepKind::Cpu)
        return QObject::tr("Loop work of no task (protocol callbacks, call_soon functions), "
                           "measured under asyncio: %1 ms to %2 ms")
            .arg(ms(s.start), ms(s.end));
    return QObject::tr("No loop work of no task from %1 ms to %2 ms (the loop ran tasks or had "
                       "nothing to do until the next such callback)")
        .arg(ms(s.start), ms(s.until()));
}

QString TimelineScene::describeMeasuredAt(QPointF p) const {
    const std::optional<TrackHit> hit = layout_.trackHitAt(p, window_);
    if (!measured_ || !hit || !layout_.track(hit->row).contains(p))
        return {};
    const std::optional<std::size_t> task = measuredTask(hit->row);
    const MeasuredSegment* segment = task ? measured_->segmentAt(*task, hit->ms) : nullptr;
    if (!segment)
        return {};
    if (measured_->isLoopWork(*task))
        return describeLoopWork(*segment);
    QString text = describeMeasured(*segment);
    if (const AwaitPlace* place = measured_->awaited(*task, segment->step);
        place && !segment->queued)
        text += '\n' + toQString(describeAwait(*place));
    return text;
}

QString TimelineScene::describeLoopAt(QPointF p) const {
    const double ms = layout_.timeAt(p.x(), window_);
    const std::span<const Hold> holds = loopLane().holds();
    const auto [first, last] = loopLane().overlapping(ms, ms);
    if (first >= last || ms >= now_)
        return {};
    const Hold& hold = holds[first];
    const QString when = tr("%1 ms to %2 ms").arg(hold.start).arg(hold.end);
    if (hold.task == LoopEvent::kNoTask)
        return tr("The loop is idle: every task is waiting\n%1").arg(when);
    // One multi-argument arg(), so that a "%2" in a task name stays as typed.
    return tr("%1 holds the loop\n%2").arg(taskNames_[qsizetype(hold.task)], when);
}

QString TimelineScene::describeReadyAt(QPointF p) const {
    const std::optional<TaskHit> hit = explained_ ? drawnTaskAt(p) : std::nullopt;
    if (!hit)
        return {};
    const std::size_t task = hit->task;
    const auto [first, last] = readyStretches().overlapping(task, hit->ms, hit->ms);
    if (first >= last)
        return {};
    const Stretch& ready = readyStretches().lane(task)[first];
    QStringList holders;
    const auto [from, to] = loopLane().overlapping(double(ready.start), double(ready.end));
    for (std::size_t h = from; h < to; ++h)
        if (const std::size_t holder = loopLane().holds()[h].task;
            holder != LoopEvent::kNoTask && holder != task &&
            !holders.contains(taskNames_[qsizetype(holder)]))
            holders << taskNames_[qsizetype(holder)];
    const QString when =
        tr("%1 ms to %2 ms (%3 ms)").arg(ready.start).arg(ready.end).arg(ready.end - ready.start);
    // One multi-argument arg(), so that a "%2" in a task name stays as typed.
    return tr("%1 is ready, waiting for the loop\n%2, while %3 held it")
        .arg(taskNames_[qsizetype(task)], when, holders.join(QStringLiteral(", ")));
}

int TimelineScene::rowLabelAt(QPointF p) const {
    const auto [first, last] = layout_.rowsBetween(p.y(), p.y());
    for (int row = first; row < last; ++row)
        if (layout_.rowLabel(row).contains(p))
            return row;
    return -1;
}

void TimelineScene::fitRowsTo(double viewHeight) {
    if (viewHeight == fitRowsTo_)
        return;
    fitRowsTo_ = viewHeight;
    if (laidOut().rowHeight != layout_.rowHeight)
        relayout();
}

TimelineLayout TimelineScene::laidOut() const {
    const double widest = widestRowLabel_ + treeIndent_;
    const std::vector<int> slotRows =
        explained_ ? slotLaneRows(slotLaneKinds_) : std::vector<int>{};
    const TimelineLayout full =
        layoutTimeline(cardWidth_, rows(), widest, explained_, false, slotRows);
    if (fitRowsTo_ <= 0 || full.tracksHeight() <= fitRowsTo_)
        return full;
    return layoutTimeline(cardWidth_, rows(), widest, explained_, true, slotRows);
}

void TimelineScene::relayout() {
    layout_ = laidOut();
    setSceneRect(layout_.page);
    card_->setRect(layout_.card);
    title_->setRect(layout_.title);
    subtitle_->setRect(layout_.subtitle);
    placeRuler();
    const double rowsTop = layout_.loopLane ? layout_.loopTrack().top() : layout_.rowTop(0);
    const double rowsBottom = rows() > 0 ? layout_.track(rows() - 1).bottom() : rowsTop;
    lanesItem_->setRect(
        QRectF(layout_.trackLeft, rowsTop, layout_.trackWidth, rowsBottom - rowsTop));
    slotLanesItem_->setVisible(!layout_.slotLanes.empty());
    if (!layout_.slotLanes.empty()) {
        const QRectF first = layout_.slotLane(0);
        const QRectF last = layout_.slotLane(int(layout_.slotLanes.size()) - 1);
        slotLanesItem_->setRect(QRectF(layout_.rowLabelLeft, first.top(),
                                       first.right() - layout_.rowLabelLeft,
                                       last.bottom() - first.top()));
    }
    measuredItem_->setRect(lanesItem_->rect());
    arrowsItem_->setRect(lanesItem_->rect());
    rowLabels_->setRect(
        QRectF(layout_.rowLabelLeft, rowsTop, layout_.rowLabelWidth, rowsBottom - rowsTop));
    legendRule_->setRect(layout_.legendRule);
    rowLabels_->update();
    updateTracks();
    placeLegend();
    placePlayhead();
    placeFinish();
}

void TimelineScene::addLegendEntry(SwatchItem* swatch, const QString& text, std::size_t position) {
    swatch->setZValue(kDecorationZ);
    addItem(swatch);
    auto* label =
        new TextItem(TextItem::Role::LegendLabel, text, style::font(kLegendSize), Qt::AlignLeft);
    label->setZValue(kDecorationZ);
    addItem(label);
    position = std::min(position, swatches_.size());
    swatches_.insert(swatches_.begin() + std::ptrdiff_t(position), swatch);
    legendLabels_.insert(legendLabels_.begin() + std::ptrdiff_t(position), label);
}

void TimelineScene::showKinds(const KindTable& kinds) {
    // The legend's first entries are the kinds'.
    for (std::size_t i = 0; i < kinds_.size() && !swatches_.empty(); ++i) {
        delete swatches_.front();
        delete legendLabels_.front();
        swatches_.erase(swatches_.begin());
        legendLabels_.erase(legendLabels_.begin());
    }
    kinds_ = kinds;
    kindColors_ = style::kindPalette(kinds_);
    for (StepKind kind : kinds_.all())
        addLegendEntry(new SwatchItem(kind, kindColors_[kind.index], kinds_.behaviour(kind)),
                       toQString(kinds_[kind].label), kind.index);
}

void TimelineScene::placeLegend() {
    const QFontMetricsF metrics(style::font(kLegendSize));
    // The entries shown: the kinds with rows always (a spawn has none), the queued time's when
    // a step queued, the measured run's with a recording, the ready stretches' in Explain mode
    // and with a recording (its late awaits look the same).
    const std::size_t readyEntry = swatches_.size() - 1;
    for (StepKind kind : kinds_.all())
        swatches_[kind.index]->setVisible(kinds_.hasRows(kind));
    swatches_[kinds_.size()]->setVisible(anyQueued_);
    swatches_[kinds_.size() + 1]->setVisible(measured_ != nullptr); // the measured run's entry
    swatches_[readyEntry]->setVisible(explained_ || measured_);
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < swatches_.size(); ++i) {
        legendLabels_[i]->setVisible(textPainted_ && swatches_[i]->isVisible());
        if (swatches_[i]->isVisible())
            shown.push_back(i);
    }
    std::vector<double> textWidths(swatches_.size());
    double total = kLegendItemGap * double(shown.size() - 1);
    for (std::size_t i : shown) {
        textWidths[i] = metrics.horizontalAdvance(legendLabels_[i]->text());
        total += kLegendSwatch + kLegendSwatchGap + textWidths[i];
    }
    double x = layout_.contentLeft + (layout_.contentWidth - total) / 2;
    const double top = layout_.legendTop;
    for (std::size_t i : shown) {
        swatches_[i]->setRect(QRectF(x, top, kLegendSwatch, kLegendSwatch));
        x += kLegendSwatch + kLegendSwatchGap;
        legendLabels_[i]->setRect(QRectF(x, top, textWidths[i] + 1, kLegendSwatch));
        x += textWidths[i] + kLegendItemGap;
    }
}

} // namespace coroscope
