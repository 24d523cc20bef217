#include "timeline/lanesitem.h"

#include "timeline/pillpainter.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPen>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

QColor middle(const style::KindColors& colors) {
    return QColor((colors.from.red() + colors.to.red()) / 2,
                  (colors.from.green() + colors.to.green()) / 2,
                  (colors.from.blue() + colors.to.blue()) / 2);
}

} // namespace

QColor columnColor(const LaneDrawing& drawing, const ColumnPiece& column,
                   std::span<const style::KindColors> palette) {
    const float total = drawing.total(column);
    if (total <= 0)
        return Qt::transparent;
    double r = 0, g = 0, b = 0;
    for (const KindShare& kind : drawing.sharesOf(column)) {
        const double share = kind.covered / total;
        const QColor c = middle(palette[kind.kind.index]);
        r += share * c.red();
        g += share * c.green();
        b += share * c.blue();
    }
    QColor mixed(int(std::lround(r)), int(std::lround(g)), int(std::lround(b)));
    // A column however little covered stays in sight: fitted to a long run, every segment
    // is a sliver of a pixel, and fading them by coverage would show an empty timeline.
    constexpr double kLeastStrength = 0.45;
    mixed.setAlphaF(std::clamp(double(total), kLeastStrength, 1.0));
    return mixed;
}

LanesItem::LanesItem(TimelineScene& scene)
    : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption); // for the exposed rectangle: only what is in view
}

double LanesItem::overhang() const {
    const ShadowSpec spec = segmentShadow(scene_.layout().rowHeight, {});
    return shadowReach(spec) + spec.offsetY;
}

double LanesItem::spill() const {
    return overhang() + scene_.layout().rowHeight;
}

std::pair<double, double> LanesItem::shownSpan(double fromMs, double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    return {layout.shownX(fromMs, scene_.window()), layout.shownX(toMs, scene_.window())};
}

void LanesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const TimelineLayout& layout = scene_.layout();
    const QRectF exposed = paintedArea(painter, option);
    // Rows whose pills or shadows reach into the exposed area.
    const auto [firstRow, lastRow] =
        layout.rowsBetween(exposed.top() - overhang(), exposed.bottom() + overhang());
    const bool loopExposed =
        layout.loopLane && exposed.top() - overhang() <= layout.loopTrack().bottom();
    if (firstRow >= lastRow && !loopExposed)
        return;
    // The tracks show the run's time from 0 to the axis end: where the window stops short of
    // either end, what lies beyond is cut at the track's edge; at an end, shadows may spill.
    const TimeWindow& window = scene_.window();
    const double spill = this->spill();
    const double left = window.from > 0 ? layout.trackLeft : layout.trackLeft - spill;
    const double right = window.to < scene_.axisEnd()
                             ? layout.trackLeft + layout.trackWidth
                             : layout.trackLeft + layout.trackWidth + spill;
    painter->save();
    painter->setClipRect(QRectF(left, exposed.top(), right - left, exposed.height()),
                         Qt::IntersectClip);
    paintTracks(painter, firstRow, lastRow);
    // Only the times in the exposed columns (with a pill's round end and shadow either side).
    const double fromMs = layout.timeAt(exposed.left() - spill, window);
    const double toMs = layout.timeAt(exposed.right() + spill, window);
    if (loopExposed)
        paintLoop(painter, fromMs, toMs);
    // The scene hears of progress now and then (an export paints every row in one go).
    constexpr int kRowsBetweenReports = 256;
    for (int row = firstRow; row < lastRow; ++row) {
        if ((row - firstRow) % kRowsBetweenReports == 0 && !scene_.rowsPainted(row))
            break;
        paintRow(painter, row, fromMs, toMs);
    }
    painter->restore();
}

void LanesItem::paintTracks(QPainter* painter, int firstRow, int lastRow) const {
    for (int row = firstRow; row < lastRow; ++row)
        paintTrack(painter, scene_.layout().track(row));
}

void LanesItem::paintTrack(QPainter* painter, const QRectF& track) const {
    const auto [left, right] = shownSpan(0, scene_.axisEnd());
    painter->setPen(Qt::NoPen);
    painter->setBrush(themeOf(this).track);
    const QRectF shown(left, track.top(), right - left, track.height());
    painter->drawRoundedRect(shown, track.height() / 2, track.height() / 2);
}

void LanesItem::paintRow(QPainter* painter, int row, double fromMs, double toMs) const {
    if (scene_.explained())
        paintReady(painter, row, fromMs, toMs);
    const std::span<const LaneSegment> lane = scene_.rowLane(row);
    const auto [first, last] = overlappingIntervals(lane, fromMs, toMs);
    // A folded row's merged lane holds other tasks' steps: nothing of it is the selection.
    const std::size_t task = scene_.rowTask(row);
    const auto [highlightTask, highlightStep] = scene_.highlighted();
    const bool mine = !scene_.isFolded(task) && std::ptrdiff_t(task) == highlightTask;
    paintLane(painter, scene_.layout().track(row), lane, first, last, mine ? highlightStep : -1);
}

void LanesItem::paintLane(QPainter* painter, const QRectF& track, std::span<const LaneSegment> lane,
                          std::size_t first, std::size_t last, std::ptrdiff_t highlightStep) const {
    paintLaneOn(painter, scene_, track, lane, first, last, highlightStep, drawing_);
}

void paintLaneOn(QPainter* painter, const TimelineScene& scene, const QRectF& track,
                 std::span<const LaneSegment> lane, std::size_t first, std::size_t last,
                 std::ptrdiff_t highlightStep, LaneDrawing& drawing) {
    if (first >= last)
        return;
    const TimelineLayout& layout = scene.layout();
    const TimeWindow& window = scene.window();
    const LaneView view{window.from, window.to, layout.trackWidth, scene.now(), track.height()};
    drawLane(lane.subspan(first, last - first), view, drawing);
    const style::Theme& theme = scene.theme();
    const ShadowSpec shadow = segmentShadow(track.height(), theme.segmentShadow);
    for (const PillPiece& pill : drawing.pills) {
        const QRectF rect(layout.trackLeft + pill.left, track.top(), pill.right - pill.left,
                          track.height());
        const LaneSegment& segment = lane[first + pill.step];
        paintSegment(painter, scene, rect, segment, shadow);
        if (!segment.queued && std::ptrdiff_t(segment.step) == highlightStep) {
            // A ring just outside the pill, in the title's colour: seen on any kind and theme.
            const QRectF ring = rect.adjusted(-2, -2, 2, 2);
            painter->setPen(QPen(theme.title, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(ring, ring.height() / 2, ring.height() / 2);
        }
    }
    for (const ColumnPiece& column : drawing.columns)
        painter->fillRect(QRectF(layout.trackLeft + column.x, track.top(), 1, track.height()),
                          columnColor(drawing, column, scene.kindPalette()));
}

void paintSegment(QPainter* painter, const TimelineScene& scene, const QRectF& rect,
                  const LaneSegment& segment, const ShadowSpec& shadow) {
    const style::KindColors& colors = scene.kindColors(segment.kind);
    if (segment.queued)
        paintQueuedPill(painter, rect, colors);
    else if (scene.kinds().behaviour(segment.kind) == KindBehaviour::Join)
        paintJoinLine(painter, rect, colors);
    else // cpu, a resource's wait, thread time: the kind's own colour
        paintKindPill(painter, rect, colors, shadow);
}

void LanesItem::paintReady(QPainter* painter, int row, double fromMs, double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    const ReadyStretches& ready = scene_.readyStretches();
    const std::size_t task = scene_.rowTask(row);
    const std::span<const Stretch> stretches = ready.lane(task);
    const auto [first, last] = ready.overlapping(task, fromMs, toMs);
    const QRectF track = layout.track(row);
    for (std::size_t i = first; i < last; ++i) {
        const Stretch& s = stretches[i];
        if (double(s.start) >= scene_.now())
            break; // not yet: they grow with the animation like the segments
        const auto [left, right] =
            shownSpan(double(s.start), std::min(double(s.end), scene_.now()));
        paintReadyPill(painter,
                       QRectF(left, track.top(), std::max(right - left, 1.0), track.height()),
                       themeOf(this));
    }
}

void LanesItem::paintLoop(QPainter* painter, double fromMs, double toMs) const {
    const QRectF track = scene_.layout().loopTrack();
    paintTrack(painter, track);
    const LoopLane& loop = scene_.loopLane();
    const std::span<const LaneSegment> busy = loop.busy();
    const auto [first, last] = overlappingIntervals(busy, fromMs, toMs);
    paintLane(painter, track, busy, first, last, -1);
    if (!scene_.textPainted())
        return;
    for (const SceneText& text : loopTexts(fromMs, toMs)) {
        painter->setFont(text.font);
        painter->setPen(text.color);
        painter->drawText(text.rect, int(text.alignment | Qt::AlignVCenter), text.text);
    }
}

std::vector<SceneText> LanesItem::loopTexts(double fromMs, double toMs) const {
    // Room a name needs inside its stretch, beside the pill's round ends.
    constexpr double kInset = 10, kLeast = 24;
    const TimelineLayout& layout = scene_.layout();
    const style::Theme& theme = themeOf(this);
    const QFont font = style::font(std::min(layout.rowLabelSize, 12.0), true);
    const QFontMetricsF metrics(font);
    const QRectF track = layout.loopTrack();
    const double trackRight = layout.trackLeft + layout.trackWidth;
    std::vector<SceneText> texts;
    const std::span<const Hold> holds = scene_.loopLane().holds();
    const auto [first, last] = scene_.loopLane().overlapping(fromMs, toMs);
    for (std::size_t i = first; i < last && double(holds[i].start) < scene_.now(); ++i) {
        const Hold& hold = holds[i];
        const bool idle = hold.task == LoopEvent::kNoTask;
        // Idle stretches side by side are one stretch to the eye: one "idle" across them all
        // (each keeps its own hold and reason in core).
        std::int64_t end = hold.end;
        while (idle && i + 1 < holds.size() && holds[i + 1].task == LoopEvent::kNoTask &&
               holds[i + 1].start == end && double(end) < scene_.now())
            end = holds[++i].end;
        auto [left, right] = shownSpan(double(hold.start), std::min(double(end), scene_.now()));
        // Only the part on the track, so that a name stays readable when its stretch is cut.
        left = std::max(left, layout.trackLeft);
        right = std::min(right, trackRight);
        if (right - left < kLeast + 2 * kInset)
            continue;
        const QString name = idle ? QObject::tr("idle") : scene_.taskNames()[qsizetype(hold.task)];
        const QRectF rect(left + kInset, track.top(), right - left - 2 * kInset, track.height());
        const QString shown = metrics.elidedText(name, Qt::ElideRight, rect.width());
        if (shown.isEmpty() || shown == QStringLiteral("…"))
            continue;
        texts.push_back({TextItem::Role::RowLabel, rect, shown, font,
                         idle ? theme.mutedText : QColor(Qt::white), Qt::AlignHCenter});
    }
    return texts;
}

} // namespace coroscope
