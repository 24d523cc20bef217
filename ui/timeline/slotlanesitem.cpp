#include "timeline/slotlanesitem.h"

#include "bridge/qtext.h"
#include "timeline/lanesitem.h"
#include "timeline/pillpainter.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace coroscope {

using namespace style;

namespace {

// Whether a lane shows one sub-row per slot (else one band of how many are in use).
bool perSlot(const TimelineLayout& layout, int index, const SlotLane& lane) {
    return layout.slotLanes[std::size_t(index)] == lane.capacity();
}

QFont labelFont(const TimelineLayout& layout) {
    QFont font = style::font(std::min(layout.rowLabelSize, 13.0), true);
    font.setItalic(true); // not a task: as the loop's lane's label
    return font;
}

QFont nameFont(const TimelineLayout& layout) {
    return style::font(std::max(8.0, std::min(11.0, layout.slotRowHeight - 6)), true);
}

// A colour at a strength over the track: for the in-use band and the queue's bar.
QColor faded(QColor color, double strength) {
    color.setAlphaF(std::clamp(strength, 0.0, 1.0));
    return color;
}

// Calls f(x0, x1, value) for the levels shown in [fromMs, toMs) up to now, left to right, where
// span(from, to) gives the scene x of a stretch: levels narrower than a pixel merge into their
// pixel column, which shows the largest of them (a frame costs the pixels, not the levels).
template <typename Span, typename F>
void forEachShownLevel(const Levels& levels, double fromMs, double toMs, double nowMs,
                       double axisEnd, Span&& span, F&& f) {
    const std::span<const Level> all = levels.levels();
    const auto [first, last] = levels.overlapping(fromMs, toMs);
    double column = -1;
    std::int64_t most = 0;
    const auto flush = [&] {
        if (column >= 0)
            f(column, column + 1, most);
        column = -1;
        most = 0;
    };
    for (std::size_t i = first; i < last && double(all[i].time) < nowMs; ++i) {
        const double end = i + 1 < all.size() ? double(all[i + 1].time) : axisEnd;
        const auto [x0, x1] = span(double(all[i].time), end);
        if (x1 - x0 >= 1) {
            flush();
            f(x0, x1, all[i].value);
            continue;
        }
        if (std::floor(x0) != column) {
            flush();
            column = std::floor(x0);
        }
        most = std::max(most, all[i].value);
    }
    flush();
}

// The band's and the queue bar's colour: the kind's darker end on a light track, its lighter
// end lightened further on a dark one (a thin bar of a mid colour is lost on a dark track).
QColor barColor(const style::KindColors& colors, const QColor& track) {
    constexpr int kLightened = 150; // percent
    return track.lightness() >= 128 ? colors.to : colors.from.lighter(kLightened);
}

} // namespace

SlotLanesItem::SlotLanesItem(TimelineScene& scene)
    : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption); // for the exposed rectangle: only what is in view
}

QString SlotLanesItem::nameOf(const ResourceLane& lane) const {
    return lane.of.pool ? QObject::tr("threads") : toQString(scene_.kinds()[lane.of.kind].name);
}

std::pair<double, double> SlotLanesItem::shownSpan(double fromMs, double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    const TimeWindow& window = scene_.window();
    return {layout.shownX(fromMs, window), layout.shownX(std::min(toMs, scene_.now()), window)};
}

void SlotLanesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const TimelineLayout& layout = scene_.layout();
    const QRectF exposed = paintedArea(painter, option);
    const std::span<const ResourceLane> lanes = scene_.slotLanes();
    const TimeWindow& window = scene_.window();
    const double fromMs = layout.timeAt(exposed.left() - layout.rowHeight, window);
    const double toMs = layout.timeAt(exposed.right() + layout.rowHeight, window);
    painter->save();
    painter->setClipRect(
        QRectF(layout.trackLeft, exposed.top(), layout.trackWidth, exposed.height()),
        Qt::IntersectClip);
    for (int i = 0; i < int(layout.slotLanes.size()); ++i)
        if (layout.slotLane(i).intersects(exposed))
            paintLane(painter, i, lanes.empty() ? nullptr : &lanes[std::size_t(i)], fromMs, toMs);
    painter->restore();
    if (!scene_.textPainted())
        return;
    for (const SceneText& text : texts(fromMs, toMs)) {
        if (!text.rect.intersects(exposed))
            continue;
        painter->setFont(text.font);
        painter->setPen(text.color);
        painter->drawText(text.rect, int(text.alignment | Qt::AlignVCenter), text.text);
    }
}

void SlotLanesItem::paintLane(QPainter* painter, int index, const ResourceLane* lane, double fromMs,
                              double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    const auto [left, right] = std::pair{layout.shownX(0, scene_.window()),
                                         layout.shownX(scene_.axisEnd(), scene_.window())};
    painter->setPen(Qt::NoPen);
    painter->setBrush(themeOf(this).track);
    const int rows = layout.slotLanes[std::size_t(index)];
    for (int row = 0; row < rows; ++row) {
        const QRectF track = layout.slotRow(index, row);
        const QRectF shown(left, track.top(), right - left, track.height());
        painter->drawRoundedRect(shown, track.height() / 2, track.height() / 2);
    }
    const QRectF bar = layout.queueBar(index);
    painter->drawRoundedRect(QRectF(left, bar.top(), right - left, bar.height()), bar.height() / 2,
                             bar.height() / 2);
    if (!lane)
        return; // the run's explanation is on its way
    if (perSlot(layout, index, lane->lane))
        paintHolds(painter, index, *lane, fromMs, toMs);
    else
        paintBand(painter, index, *lane, fromMs, toMs);
    paintQueue(painter, index, *lane, fromMs, toMs);
}

void SlotLanesItem::paintHolds(QPainter* painter, int index, const ResourceLane& lane,
                               double fromMs, double toMs) const {
    // As a task's lane: thin holds merge per pixel column, so a frame costs what is in view.
    const TimelineLayout& layout = scene_.layout();
    for (int slot = 0; slot < layout.slotLanes[std::size_t(index)]; ++slot) {
        const auto [first, last] = lane.lane.overlapping(std::size_t(slot), fromMs, toMs);
        paintLaneOn(painter, scene_, layout.slotRow(index, slot),
                    lane.lane.segmentsOf(std::size_t(slot)), first, last, -1, drawing_);
    }
}

void SlotLanesItem::paintBand(QPainter* painter, int index, const ResourceLane& lane, double fromMs,
                              double toMs) const {
    // The share of the slots in use, as a bar's height from the bottom.
    const QRectF track = scene_.layout().slotRow(index, 0);
    const QColor color = barColor(scene_.kindColors(lane.of.kind), themeOf(this).track);
    const double capacity = double(std::max<std::int64_t>(lane.lane.capacity(), 1));
    forEachShownLevel(
        lane.lane.inUse(), fromMs, toMs, scene_.now(), scene_.axisEnd(),
        [&](double from, double to) { return shownSpan(from, to); },
        [&](double x0, double x1, std::int64_t inUse) {
            const double height = track.height() * double(inUse) / capacity;
            if (height > 0)
                painter->fillRect(QRectF(x0, track.bottom() - height, x1 - x0, height), color);
        });
}

void SlotLanesItem::paintQueue(QPainter* painter, int index, const ResourceLane& lane,
                               double fromMs, double toMs) const {
    // The longer the queue, the stronger the bar (its most ever at full strength).
    const QRectF bar = scene_.layout().queueBar(index);
    const QColor color = barColor(scene_.kindColors(lane.of.kind), themeOf(this).track);
    const Levels& queued = lane.lane.queued();
    const double most = double(std::max<std::int64_t>(queued.most(), 1));
    forEachShownLevel(
        queued, fromMs, toMs, scene_.now(), scene_.axisEnd(),
        [&](double from, double to) { return shownSpan(from, to); },
        [&](double x0, double x1, std::int64_t length) {
            if (length > 0)
                painter->fillRect(QRectF(x0, bar.top(), x1 - x0, bar.height()),
                                  faded(color, 0.4 + 0.6 * double(length) / most));
        });
}

std::vector<SceneText> SlotLanesItem::texts(double fromMs, double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    const std::span<const ResourceLane> lanes = scene_.slotLanes();
    std::vector<SceneText> texts;
    if (lanes.size() != layout.slotLanes.size())
        return texts;
    const QFont font = labelFont(layout);
    const QFontMetricsF labelMetrics(font);
    const QFont names = nameFont(layout);
    const QFontMetricsF nameMetrics(names);
    // Room a name needs inside its stretch, beside the pill's round ends.
    const double inset = layout.slotRowHeight / 2, least = 16;
    const double trackRight = layout.trackLeft + layout.trackWidth;
    for (int index = 0; index < int(lanes.size()); ++index) {
        const ResourceLane& lane = lanes[std::size_t(index)];
        const qlonglong capacity = lane.lane.capacity();
        const QString label = lane.of.pool ? QObject::tr("%1 · %2").arg(nameOf(lane)).arg(capacity)
                              : capacity == 1
                                  ? QObject::tr("%1 · 1 slot").arg(nameOf(lane))
                                  : QObject::tr("%1 · %2 slots").arg(nameOf(lane)).arg(capacity);
        const QRectF labelRect = layout.slotLabel(index);
        texts.push_back({TextItem::Role::RowLabel, labelRect,
                         labelMetrics.elidedText(label, Qt::ElideRight, labelRect.width()), font,
                         themeOf(this).rowLabel, Qt::AlignRight});
        if (!perSlot(layout, index, lane.lane))
            continue;
        for (int slot = 0; slot < layout.slotLanes[std::size_t(index)]; ++slot) {
            const std::span<const SlotHold> holds = lane.lane.holdsOf(std::size_t(slot));
            const auto [first, last] = lane.lane.overlapping(std::size_t(slot), fromMs, toMs);
            const QRectF track = layout.slotRow(index, slot);
            for (std::size_t i = first; i < last && double(holds[i].start) < scene_.now(); ++i) {
                auto [left, right] = shownSpan(double(holds[i].start), double(holds[i].end));
                left = std::max(left, layout.trackLeft);
                right = std::min(right, trackRight);
                if (right - left < least + 2 * inset)
                    continue;
                const QRectF rect(left + inset, track.top(), right - left - 2 * inset,
                                  track.height());
                const QString shown = nameMetrics.elidedText(
                    scene_.taskNames()[qsizetype(holds[i].task)], Qt::ElideRight, rect.width());
                if (shown.isEmpty() || shown == QStringLiteral("…"))
                    continue;
                texts.push_back({TextItem::Role::RowLabel, rect, shown, names, QColor(Qt::white),
                                 Qt::AlignHCenter});
            }
        }
    }
    return texts;
}

QString SlotLanesItem::describeLabel(const ResourceLane& lane) const {
    const qlonglong capacity = lane.lane.capacity();
    const qlonglong most = lane.lane.queued().most();
    if (lane.of.pool)
        return QObject::tr("The thread pool: %1 workers (ThreadPoolExecutor(max_workers=%1)); at "
                           "most %2 items queued for a worker")
            .arg(capacity)
            .arg(most);
    return QObject::tr("%1: at most %2 of its waits at once (asyncio.Semaphore(%2)); at most %3 "
                       "queued for a slot")
        .arg(nameOf(lane))
        .arg(capacity)
        .arg(most);
}

QString SlotLanesItem::describeAt(QPointF p) const {
    const TimelineLayout& layout = scene_.layout();
    const std::span<const ResourceLane> lanes = scene_.slotLanes();
    if (lanes.size() != layout.slotLanes.size())
        return {};
    for (int index = 0; index < int(lanes.size()); ++index)
        if (layout.slotLabel(index).contains(p))
            return describeLabel(lanes[std::size_t(index)]);
    const double ms = layout.timeAt(p.x(), scene_.window());
    if (ms >= scene_.now() || ms < 0)
        return {};
    for (int index = 0; index < int(lanes.size()); ++index) {
        if (!layout.slotLane(index).contains(p))
            continue;
        const ResourceLane& lane = lanes[std::size_t(index)];
        const QString name = nameOf(lane);
        const qlonglong queued = lane.lane.queued().at(ms);
        const QString inQueue = QObject::tr("%1 queued").arg(queued);
        if (p.y() >= layout.queueBar(index).top() - kQueueBarGap)
            return lane.of.pool ? QObject::tr("%1: %2 for a worker").arg(name, inQueue)
                                : QObject::tr("%1: %2 for a slot").arg(name, inQueue);
        if (!perSlot(layout, index, lane.lane)) {
            const QString inUse = QString::number(lane.lane.inUse().at(ms));
            const QString capacity = QString::number(lane.lane.capacity());
            return lane.of.pool ? QObject::tr("%1: %2 of %3 workers busy; %4")
                                      .arg(name, inUse, capacity, inQueue)
                                : QObject::tr("%1: %2 of %3 slots in use; %4")
                                      .arg(name, inUse, capacity, inQueue);
        }
        const double pitch = layout.slotRowHeight + kSlotRowGap;
        const int slot = std::clamp(
            int(std::floor((p.y() - layout.slotLane(index).top() + kSlotRowGap / 2) / pitch)), 0,
            layout.slotLanes[std::size_t(index)] - 1);
        const QString place = lane.of.pool ? QObject::tr("Worker %1").arg(slot + 1)
                                           : QObject::tr("%1 slot %2").arg(name).arg(slot + 1);
        const SlotHold* hold = lane.lane.holdAt(std::size_t(slot), ms);
        if (!hold)
            return QObject::tr("%1: free; %2").arg(place, inQueue);
        const QString when = QObject::tr("%1–%2 ms (%3 ms)")
                                 .arg(hold->start)
                                 .arg(hold->end)
                                 .arg(hold->end - hold->start);
        const QString& holder = scene_.taskNames()[qsizetype(hold->task)];
        // One multi-argument arg(), so that a "%2" in a task name stays as typed.
        return lane.of.pool
                   ? QObject::tr("%1: %2's thread item runs %3; %4")
                         .arg(place, holder, when, inQueue)
                   : QObject::tr("%1: %2 holds it %3; %4").arg(place, holder, when, inQueue);
    }
    return {};
}

} // namespace coroscope
