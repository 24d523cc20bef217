#include "timeline/lanesitem.h"

#include "timeline/pillpainter.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

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

QColor columnColor(const ColumnPiece& column, const style::Theme& theme) {
    const float total = column.total();
    if (total <= 0)
        return Qt::transparent;
    double r = 0, g = 0, b = 0;
    for (StepKind kind : kAllStepKinds) {
        const double share = column.coverage[std::size_t(kind)] / total;
        const QColor c = middle(theme.kindColors(kind));
        r += share * c.red();
        g += share * c.green();
        b += share * c.blue();
    }
    QColor mixed(int(std::lround(r)), int(std::lround(g)), int(std::lround(b)));
    mixed.setAlphaF(std::min(double(total), 1.0));
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
    const double margin = layout.rowHeight;
    return {
        std::max(layout.xAt(fromMs, scene_.window()), layout.trackLeft - margin),
        std::min(layout.xAt(toMs, scene_.window()), layout.trackLeft + layout.trackWidth + margin)};
}

void LanesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const TimelineLayout& layout = scene_.layout();
    const QRectF exposed = paintedArea(painter, option);
    // Rows whose pills or shadows reach into the exposed area.
    const auto [firstRow, lastRow] =
        layout.rowsBetween(exposed.top() - overhang(), exposed.bottom() + overhang());
    if (firstRow >= lastRow)
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
    const TimelineLayout& layout = scene_.layout();
    const auto [left, right] = shownSpan(0, scene_.axisEnd());
    painter->setPen(Qt::NoPen);
    painter->setBrush(themeOf(this).track);
    for (int row = firstRow; row < lastRow; ++row) {
        const QRectF track = layout.track(row);
        const QRectF shown(left, track.top(), right - left, track.height());
        painter->drawRoundedRect(shown, track.height() / 2, track.height() / 2);
    }
}

void LanesItem::paintRow(QPainter* painter, int row, double fromMs, double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    const TimeWindow& window = scene_.window();
    if (scene_.explained())
        paintReady(painter, row, fromMs, toMs);
    const std::span<const LaneSegment> lane = scene_.lanes().lane(std::size_t(row));
    const auto [first, last] = scene_.lanes().overlapping(std::size_t(row), fromMs, toMs);
    if (first >= last)
        return;
    const LaneView view{window.from, window.to, layout.trackWidth, scene_.now(), layout.rowHeight};
    drawLane(lane.subspan(first, last - first), view, drawing_);
    const style::Theme& theme = themeOf(this);
    const QRectF track = layout.track(row);
    const ShadowSpec shadow = segmentShadow(layout.rowHeight, theme.segmentShadow);
    const auto [highlightTask, highlightStep] = scene_.highlighted();
    for (const PillPiece& pill : drawing_.pills) {
        const QRectF rect(layout.trackLeft + pill.left, track.top(), pill.right - pill.left,
                          track.height());
        paintKindPill(painter, rect, theme.kindColors(pill.kind), shadow);
        if (row == highlightTask && int(first + pill.step) == highlightStep) {
            // A ring just outside the pill, in the title's colour: seen on any kind and theme.
            const QRectF ring = rect.adjusted(-2, -2, 2, 2);
            painter->setPen(QPen(theme.title, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(ring, ring.height() / 2, ring.height() / 2);
        }
    }
    for (const ColumnPiece& column : drawing_.columns)
        painter->fillRect(QRectF(layout.trackLeft + column.x, track.top(), 1, track.height()),
                          columnColor(column, theme));
}

void LanesItem::paintReady(QPainter* painter, int row, double fromMs, double toMs) const {
    const TimelineLayout& layout = scene_.layout();
    const ReadyStretches& ready = scene_.readyStretches();
    const std::span<const Stretch> stretches = ready.lane(std::size_t(row));
    const auto [first, last] = ready.overlapping(std::size_t(row), fromMs, toMs);
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

} // namespace coroscope
