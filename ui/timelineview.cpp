#include "timelineview.h"

#include "timelinescene.h"
#include "timelinestyle.h"

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

void TimelineView::fitCard() {
    const double available = viewport()->width() - 2 * style::kPagePadding;
    scene_->setCardWidth(std::clamp(available, kCardMinWidth, style::kCardMaxWidth));
}

} // namespace coroscope
