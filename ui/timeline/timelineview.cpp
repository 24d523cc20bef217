#include "timeline/timelineview.h"

#include "axis.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>

namespace coroscope {

namespace {

// Narrower than this and the track would vanish: scroll sideways instead.
constexpr double kCardMinWidth = 480;

} // namespace

TimelineView::TimelineView(TimelineScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(style::kPage);
    // Only growing segments change from frame to frame: repaint just their rectangles.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setMouseTracking(true);
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitCard();
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    const TimelineLayout& layout = scene_->layout();
    const QPointF at = mapToScene(event->position().toPoint());
    const bool onTracks = at.x() >= layout.trackLeft &&
                          at.x() <= layout.trackLeft + layout.trackWidth && layout.rows > 0 &&
                          at.y() >= layout.rowTop(0) &&
                          at.y() <= layout.track(layout.rows - 1).bottom();
    if (event->button() == Qt::LeftButton && onTracks) {
        emit seekRequested(
            xToTime(at.x() - layout.trackLeft, scene_->axisEnd(), layout.trackWidth));
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TimelineView::fitCard() {
    const double available = viewport()->width() - 2 * style::kPagePadding;
    scene_->setCardWidth(std::clamp(available, kCardMinWidth, style::kCardMaxWidth));
}

} // namespace coroscope
