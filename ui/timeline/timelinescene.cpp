#include "timeline/timelinescene.h"

#include "axis.h"
#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "timeline/segmentitem.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSceneHelpEvent>
#include <QPen>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace coroscope {

using namespace style;

namespace {

// Segments draw above tracks and text; later segments above earlier ones (insertion order).
constexpr double kDecorationZ = 1;
constexpr double kSegmentZ = 2;

QGraphicsRectItem* addRule(QGraphicsScene* scene, const QColor& color) {
    auto* rule = scene->addRect(QRectF(), Qt::NoPen, color);
    rule->setZValue(kDecorationZ);
    return rule;
}

} // namespace

TimelineScene::TimelineScene(QObject* parent)
    : QGraphicsScene(parent)
    , cardWidth_(kCardMaxWidth)
    , card_(new CardItem)
    , title_(new TextItem(TextItem::Role::Title, {}, style::font(kTitleSize, true), Qt::AlignLeft))
    , subtitle_(
          new TextItem(TextItem::Role::Subtitle, {}, style::font(kSubtitleSize), Qt::AlignLeft)) {
    // The default BSP index stays: finding the ~100 visible items among thousands each frame
    // costs far less than re-indexing the few segments that grow (measured in frame_bench).
    setBackgroundBrush(theme_.page);
    addItem(card_);
    for (TextItem* text : {title_, subtitle_}) {
        text->setZValue(kDecorationZ);
        addItem(text);
    }
    axisLine_ = addRule(this, theme_.rule);
    legendRule_ = addRule(this, theme_.rule);
    for (StepKind kind : kAllStepKinds) {
        auto* swatch = new SwatchItem(kind);
        swatch->setZValue(kDecorationZ);
        addItem(swatch);
        swatches_.push_back(swatch);
        auto* label = new TextItem(TextItem::Role::LegendLabel, toQString(kindLabel(kind)),
                                   style::font(kLegendSize), Qt::AlignLeft);
        label->setZValue(kDecorationZ);
        addItem(label);
        legendLabels_.push_back(label);
    }
    // Above the segments; hidden until the window asks for it.
    playhead_ = addLine(QLineF());
    playheadTime_ = addSimpleText(QString(), style::font(kAxisLabelSize));
    for (QGraphicsItem* item : std::initializer_list<QGraphicsItem*>{playhead_, playheadTime_}) {
        item->setZValue(kSegmentZ + 1);
        item->hide();
    }
    relayout();
}

TimelineScene::~TimelineScene() = default;

void TimelineScene::follow(SchedulerBridge* bridge) {
    connect(bridge, &SchedulerBridge::scenarioChanged, this, &TimelineScene::showScenario);
    connect(bridge, &SchedulerBridge::segmentStarted, this, &TimelineScene::startSegment);
    connect(bridge, &SchedulerBridge::segmentFinished, this, &TimelineScene::finishSegment);
    connect(bridge, &SchedulerBridge::timeAdvanced, this, &TimelineScene::advanceTo);
    connect(bridge, &SchedulerBridge::cycleRestarted, this, &TimelineScene::clearSegments);
}

void TimelineScene::setTheme(const Theme& theme) {
    if (theme == theme_)
        return;
    theme_ = theme;
    setBackgroundBrush(theme_.page);
    axisLine_->setBrush(theme_.rule);
    legendRule_->setBrush(theme_.rule);
    placePlayhead();
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

void TimelineScene::showScenario(const Scenario& scenario, double axisEnd) {
    clearSegments();
    axisEnd_ = axisEnd;
    title_->setText(QString::fromStdString(scenario.title));
    subtitle_->setText(QString::fromStdString(scenario.subtitle));

    taskNames_.clear();
    for (const Task& task : scenario.tasks)
        taskNames_.push_back(QString::fromStdString(task.name));
    // Reuse rows where the count is unchanged (the common case while editing).
    while (tracks_.size() > std::size_t(taskNames_.size())) {
        delete tracks_.back();
        tracks_.pop_back();
        delete rowLabels_.back();
        rowLabels_.pop_back();
    }
    while (tracks_.size() < std::size_t(taskNames_.size())) {
        auto* track = new TrackItem;
        track->setZValue(kDecorationZ);
        addItem(track);
        tracks_.push_back(track);
        auto* label = new TextItem(TextItem::Role::RowLabel, {}, style::font(kRowLabelSize, true),
                                   Qt::AlignRight);
        label->setZValue(kDecorationZ);
        addItem(label);
        rowLabels_.push_back(label);
    }
    const QFontMetricsF rowMetrics(style::font(rowLabelFontSize(int(taskNames_.size())), true));
    widestRowLabel_ = 0;
    for (qsizetype i = 0; i < taskNames_.size(); ++i) {
        rowLabels_[std::size_t(i)]->setText(taskNames_[i]);
        widestRowLabel_ = std::max(widestRowLabel_, rowMetrics.horizontalAdvance(taskNames_[i]));
    }
    widestRowLabel_ = std::ceil(widestRowLabel_); // a name that fits is never elided
    growingByTask_.assign(std::size_t(taskNames_.size()), nullptr);

    const AxisScale axis{axisEnd / kAxisIntervals, axisEnd};
    for (TextItem* label : axisLabels_)
        delete label;
    axisLabels_.clear();
    for (double tick : axis.ticks()) {
        auto* label =
            new TextItem(TextItem::Role::AxisLabel, QString::fromStdString(axisLabel(tick)),
                         style::font(kAxisLabelSize), Qt::AlignHCenter);
        label->setZValue(kDecorationZ);
        label->setData(0, tick);
        addItem(label);
        axisLabels_.push_back(label);
    }
    relayout();
}

void TimelineScene::startSegment(const Segment& segment) {
    if (segment.task >= tracks_.size())
        return; // not a task of the scenario shown
    auto* item = new SegmentItem(segment);
    item->setZValue(kSegmentZ);
    item->setShownUntil(std::max(now_, double(segment.start)));
    item->place(tracks_[segment.task]->rect(), axisEnd_);
    addItem(item);
    segments_.push_back(item);
    item->setHighlighted(highlighted_ == std::pair{int(segment.task), int(segment.step)});
    item->growingIndex = int(growing_.size());
    growing_.push_back(item);
    growingByTask_[segment.task] = item;
}

void TimelineScene::finishSegment(const Segment& segment) {
    if (segment.task >= growingByTask_.size())
        return;
    SegmentItem* item = growingByTask_[segment.task];
    if (!item || item->segment() != segment)
        return;
    item->setShownUntil(double(segment.end));
    item->place(tracks_[segment.task]->rect(), axisEnd_);
    stopGrowing(item);
}

void TimelineScene::stopGrowing(SegmentItem* item) {
    // O(1) removal: the last growing item takes this one's place.
    SegmentItem* last = growing_.back();
    growing_[std::size_t(item->growingIndex)] = last;
    last->growingIndex = item->growingIndex;
    growing_.pop_back();
    item->growingIndex = -1;
    growingByTask_[item->segment().task] = nullptr;
}

void TimelineScene::advanceTo(double nowMs) {
    now_ = nowMs;
    for (SegmentItem* item : growing_) {
        item->setShownUntil(nowMs);
        item->place(tracks_[item->segment().task]->rect(), axisEnd_);
    }
    placePlayhead();
}

void TimelineScene::highlightStep(int task, int step) {
    highlighted_ = {task, step};
    for (SegmentItem* item : segments_)
        item->setHighlighted(int(item->segment().task) == task &&
                             int(item->segment().step) == step);
}

void TimelineScene::setRowDetails(const QStringList& details) {
    rowDetails_ = details;
}

void TimelineScene::setPlayheadShown(bool shown) {
    playhead_->setVisible(shown);
    playheadTime_->setVisible(shown);
    placePlayhead();
}

void TimelineScene::placePlayhead() {
    if (!playhead_->isVisible() || layout_.rows == 0)
        return;
    const double x = layout_.xAt(now_, axisEnd_);
    const double bottom = layout_.track(layout_.rows - 1).bottom();
    playhead_->setLine(x, layout_.axisLine.top(), x, bottom + 2);
    QColor ink = theme_.title;
    ink.setAlphaF(0.7);
    playhead_->setPen(QPen(ink, 1.5));
    playheadTime_->setBrush(theme_.title);
    playheadTime_->setText(QString::fromStdString(axisLabel(now_)));
    const QRectF text = playheadTime_->boundingRect();
    playheadTime_->setPos(x - text.width() / 2, bottom + 3);
}

void TimelineScene::clearSegments() {
    for (SegmentItem* item : segments_)
        delete item;
    segments_.clear();
    growing_.clear();
    std::fill(growingByTask_.begin(), growingByTask_.end(), nullptr);
    now_ = 0;
    placePlayhead();
}

SegmentItem* TimelineScene::segmentAt(QPointF scenePoint) const {
    // Bounding rectangles include shadows, which may reach onto the next row.
    for (QGraphicsItem* item :
         items(scenePoint, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder)) {
        auto* segment = qgraphicsitem_cast<SegmentItem*>(item);
        if (segment && segment->rect().contains(scenePoint))
            return segment;
    }
    return nullptr;
}

void TimelineScene::helpEvent(QGraphicsSceneHelpEvent* event) {
    QString text;
    if (const SegmentItem* item = segmentAt(event->scenePos())) {
        const Segment& s = item->segment();
        text = describeSegment(s, taskNames_[qsizetype(s.task)]);
    } else if (const int row = rowLabelAt(event->scenePos());
               row >= 0 && row < rowDetails_.size()) {
        text = rowDetails_[row];
    } else {
        for (const QGraphicsItem* item : items(event->scenePos())) {
            if (!item->toolTip().isEmpty()) { // an elided row label
                text = item->toolTip();
                break;
            }
        }
    }
    // Qt shows tooltip text that looks like HTML as rich text; a task name such as "<b>x</b>"
    // must show as typed. Plain text stays plain, as it always looked.
    if (Qt::mightBeRichText(text))
        text = Qt::convertFromPlainText(text, Qt::WhiteSpacePre);
    // Empty text hides a tooltip left over from a segment.
    QToolTip::showText(event->screenPos(), text, event->widget());
    event->setAccepted(!text.isEmpty());
}

int TimelineScene::rowLabelAt(QPointF scenePoint) const {
    for (int row = 0; row < layout_.rows; ++row)
        if (layout_.rowLabel(row).contains(scenePoint))
            return row;
    return -1;
}

void TimelineScene::relayout() {
    layout_ = layoutTimeline(cardWidth_, int(tracks_.size()), widestRowLabel_);
    setSceneRect(layout_.page);
    card_->setRect(layout_.card);
    title_->setRect(layout_.title);
    subtitle_->setRect(layout_.subtitle);
    axisLine_->setRect(layout_.axisLine);
    legendRule_->setRect(layout_.legendRule);
    const QFontMetricsF axisMetrics(style::font(kAxisLabelSize));
    for (TextItem* label : axisLabels_) {
        // Centred exactly over its time on the tracks.
        const double x = layout_.xAt(label->data(0).toDouble(), axisEnd_);
        const double w = axisMetrics.horizontalAdvance(label->text()) + 2;
        label->setRect(QRectF(x - w / 2, layout_.axisLabelTop, w, kAxisLabelLine));
    }
    const QFont rowFont = style::font(layout_.rowLabelSize, true);
    // Names wider than the column are elided; only then is there a name to look up.
    const bool someElided = widestRowLabel_ > layout_.rowLabelWidth;
    for (std::size_t row = 0; row < tracks_.size(); ++row) {
        TextItem* label = rowLabels_[row];
        tracks_[row]->setRect(layout_.track(int(row)));
        label->setRect(layout_.rowLabel(int(row)));
        label->setFont(rowFont);
        const bool elided = someElided && label->shownText() != label->text();
        label->setToolTip(elided ? label->text() : QString());
    }
    for (SegmentItem* item : segments_)
        item->place(tracks_[item->segment().task]->rect(), axisEnd_);
    placeLegend();
    placePlayhead();
}

void TimelineScene::placeLegend() {
    const QFontMetricsF metrics(style::font(kLegendSize));
    std::vector<double> textWidths;
    double total = 0;
    for (TextItem* label : legendLabels_) {
        textWidths.push_back(metrics.horizontalAdvance(label->text()));
        total += kLegendSwatch + kLegendSwatchGap + textWidths.back();
    }
    total += kLegendItemGap * double(legendLabels_.size() - 1);
    double x = layout_.contentLeft + (layout_.contentWidth - total) / 2;
    const double top = layout_.legendTop;
    for (std::size_t i = 0; i < legendLabels_.size(); ++i) {
        swatches_[i]->setRect(QRectF(x, top, kLegendSwatch, kLegendSwatch));
        x += kLegendSwatch + kLegendSwatchGap;
        legendLabels_[i]->setRect(QRectF(x, top, textWidths[i] + 1, kLegendSwatch));
        x += textWidths[i] + kLegendItemGap;
    }
}

} // namespace coroscope
