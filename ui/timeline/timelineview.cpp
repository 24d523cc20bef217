#include "timeline/timelineview.h"

#include "timeline/segmentitem.h"
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
    // No brush of its own: the scene's page colour (its theme's) fills the whole viewport.
    // Only growing segments change from frame to frame: repaint just their rectangles.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setMouseTracking(true);
    // Smaller, the card would shrink to a sliver; the window's minimum size follows from this.
    setMinimumSize(360, 240);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("The tasks' steps on a time axis; a click on a track shows "
                                "that moment"));
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitCard();
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const QPointF at = mapToScene(event->position().toPoint());
        if (const auto hit = scene_->layout().trackHitAt(at, scene_->axisEnd())) {
            if (const SegmentItem* item = scene_->segmentAt(at)) // before the seek redraws it
                emit stepClicked(int(item->segment().task), int(item->segment().step));
            emit seekRequested(hit->ms);
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void TimelineView::fitCard() {
    const double available = viewport()->width() - 2 * style::kPagePadding;
    scene_->setCardWidth(std::clamp(available, kCardMinWidth, style::kCardMaxWidth));
}

} // namespace coroscope
