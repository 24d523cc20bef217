#include "timeline/measureditem.h"

#include "asyncio/measuredrun.h"
#include "timeline/pillpainter.h"
#include "timeline/timelinescene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace coroscope {

namespace {

// Outlines narrower than this many pixels would be a blur of dashes: neighbours that touch
// merge into one.
constexpr double kMinOutline = 6;

// Spans of x, in order, painted one by one, except that spans narrower than `least` next to
// each other (within a pixel) merge, up to that width: a row costs what the screen holds, not
// what the run holds.
template <typename Paint> class MergedSpans {
public:
    MergedSpans(double least, Paint paint)
        : least_(least)
        , paint_(paint) {}

    void add(double left, double right) {
        if (pending_ && left <= right_ + 1 && right - left < least_ && right_ - left_ < least_) {
            right_ = std::max(right_, right);
            return;
        }
        finish();
        pending_ = true;
        left_ = left;
        right_ = right;
    }

    // Paints what is still pending, at least a pixel wide.
    void finish() {
        if (pending_)
            paint_(left_, std::max(right_, left_ + 1));
        pending_ = false;
    }

private:
    double least_;
    Paint paint_;
    bool pending_ = false;
    double left_ = 0;
    double right_ = 0;
};

} // namespace

MeasuredItem::MeasuredItem(const TimelineScene& scene)
    : scene_(scene) {
    setFlag(ItemUsesExtendedStyleOption); // for the exposed rectangle: only what is in view
}

void MeasuredItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const MeasuredRun* run = scene_.measured();
    if (!run)
        return;
    const TimelineLayout& layout = scene_.layout();
    const QRectF exposed = paintedArea(painter, option);
    const auto [firstRow, rowsEnd] = layout.rowsBetween(exposed.top(), exposed.bottom());
    if (firstRow >= rowsEnd)
        return;
    painter->save();
    // Cut at the tracks' edges: a zoomed view leaves out what lies beyond its window.
    painter->setClipRect(
        QRectF(layout.trackLeft, exposed.top(), layout.trackWidth, exposed.height()),
        Qt::IntersectClip);
    const double fromMs = layout.timeAt(exposed.left(), scene_.window());
    const double toMs = layout.timeAt(exposed.right(), scene_.window());
    for (int row = firstRow; row < rowsEnd; ++row)
        if (const std::optional<std::size_t> task = scene_.measuredTask(row))
            paintRow(painter, row, *task, fromMs, toMs);
    painter->restore();
}

void MeasuredItem::paintRow(QPainter* painter, int row, std::size_t task, double fromMs,
                            double toMs) const {
    const MeasuredRun& run = *scene_.measured();
    const TimelineLayout& layout = scene_.layout();
    const style::Theme& theme = themeOf(this);
    const QRectF track = layout.track(row);
    const auto x = [&](double ms) { return layout.shownX(ms, scene_.window()); };
    const auto band = [&](double left, double right) {
        return QRectF(left, track.top(), right - left, track.height());
    };
    const std::span<const MeasuredSegment> lane = run.lane(task);
    const auto [first, last] = run.overlapping(task, fromMs, toMs);
    // The late awaits first: the outlines go over them.
    MergedSpans late(
        1, [&](double left, double right) { paintReadyPill(painter, band(left, right), theme); });
    for (std::size_t i = first; i < last; ++i)
        if (lane[i].late() > 0)
            late.add(x(lane[i].end), x(lane[i].resumed));
    late.finish();
    MergedSpans outlines(kMinOutline, [&](double left, double right) {
        paintMeasuredOutline(painter, band(left, right), theme);
    });
    for (std::size_t i = first; i < last; ++i)
        outlines.add(x(lane[i].start), x(lane[i].end));
    outlines.finish();
}

} // namespace coroscope
