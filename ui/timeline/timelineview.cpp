#include "timeline/timelineview.h"

#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QApplication>
#include <QGestureEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

// Narrower than this and the track would vanish; the view's minimum size keeps above it.
constexpr double kCardMinWidth = 300;
// A wheel notch is 120 eighths of a degree; one notch zooms a step, or pans a tenth of the view.
constexpr double kNotch = 120;
constexpr double kPanPerNotch = 0.1;

} // namespace

TimelineView::TimelineView(TimelineScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , scene_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setFrameShape(QFrame::NoFrame);
    // The card always fits the width: time pans inside it, so the task labels stay in view.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // No brush of its own: the scene's page colour (its theme's) fills the whole viewport.
    // Only what changed is repainted: the strip where segments grew.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setMouseTracking(true);
    // In the Tab order, so that its keys (Left/Right) need no click that would also seek.
    setFocusPolicy(Qt::StrongFocus);
    viewport()->grabGesture(Qt::PinchGesture);
    // Smaller, the card would shrink to a sliver; the window's minimum size follows from this.
    setMinimumSize(360, 240);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("The tasks' steps on a time axis; a click on a track shows "
                                "that moment; Ctrl+wheel zooms, dragging pans"));
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fitCard();
    pinRuler();
    if (rowsFitted_)
        showTracks();
}

void TimelineView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    pinRuler();
}

void TimelineView::pinRuler() {
    if (scene() == scene_) // not while the scene is going away
        scene_->pinRuler(mapToScene(0, 0).y());
}

void TimelineView::showTop() {
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

void TimelineView::showTracks() {
    const TimelineLayout& layout = scene_->layout();
    // Down to the finish mark under the last row; from the title if that fits, else from the
    // subtitle, else from under it (no line of text cut in half), as far down as the ruler's
    // band (the ruler then carries the card's title).
    const double bottom = layout.legendRule.top();
    double top = std::clamp(bottom - viewport()->height(), layout.subtitle.bottom() + 2,
                            layout.axisLabelTop - style::kRulerBandAbove);
    for (const double from : {layout.title.top() - 12, layout.subtitle.top() - 8})
        if (bottom - from <= viewport()->height()) {
            top = from;
            break;
        }
    QScrollBar* bar = verticalScrollBar();
    bar->setValue(bar->value() + mapFromScene(QPointF(0, top)).y());
}

double TimelineView::timeAtViewport(QPointF viewportPoint) const {
    const TimeWindow& window = scene_->window();
    return std::clamp(scene_->layout().timeAt(mapToScene(viewportPoint.toPoint()).x(), window),
                      window.from, window.to);
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const QPointF at = mapToScene(event->position().toPoint());
        if (scene_->layout().trackHitAt(at, scene_->window())) {
            pressAt_ = event->position();
            dragging_ = false;
            pressFrom_ = scene_->window().from;
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    if (pressAt_ && (event->buttons() & Qt::LeftButton)) {
        const double dx = event->position().x() - pressAt_->x();
        if (!dragging_ && std::abs(dx) >= QApplication::startDragDistance()) {
            dragging_ = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (dragging_) {
            // The time under the pointer follows the pointer.
            const TimeWindow& window = scene_->window();
            const double msPerPixel = window.span() / scene_->layout().trackWidth;
            scene_->setWindow(
                {pressFrom_ - dx * msPerPixel, pressFrom_ - dx * msPerPixel + window.span()});
        }
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (pressAt_ && event->button() == Qt::LeftButton) {
        const bool clicked = !dragging_;
        const QPointF at = mapToScene(pressAt_->toPoint());
        pressAt_.reset();
        dragging_ = false;
        viewport()->unsetCursor();
        if (clicked) {
            if (const auto hit = scene_->layout().trackHitAt(at, scene_->window())) {
                if (const auto segment = scene_->segmentAt(at)) // before the seek redraws it
                    emit stepClicked(int(segment->task), int(segment->step));
                emit seekRequested(hit->ms);
            }
        }
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

KeyHelpList TimelineView::keyHelp() {
    // As wheelEvent(), viewportEvent() and the mouse handlers below do; the keys as the
    // scroll area does.
    return {{tr("Ctrl+Wheel"), tr("Zoom around the pointer (on the timeline)")},
            {tr("Pinch"), tr("Zoom around the pinch (on the timeline)")},
            {tr("Shift+Wheel"), tr("Pan in time (on the timeline; a sideways wheel too)")},
            {tr("Drag a track"), tr("Pan in time (on the timeline)")},
            {tr("Click a track"), tr("Go to that moment and select the step (on the timeline)")},
            {tr("Wheel"), tr("Scroll the rows (on the timeline)")},
            {keyNames({Qt::Key_Up, Qt::Key_Down}), tr("Scroll the rows (on the timeline)")},
            {keyNames({Qt::Key_PageUp, Qt::Key_PageDown}),
             tr("Scroll the rows a page (on the timeline)")}};
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    // Some platforms turn a Shift+wheel into a sideways one.
    const double notches = (delta.y() != 0 ? delta.y() : delta.x()) / kNotch;
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAroundPoint(event->position(), std::pow(kZoomStep, notches));
    } else if ((event->modifiers() & Qt::ShiftModifier) || (delta.x() != 0 && delta.y() == 0)) {
        scene_->panBy(-notches * kPanPerNotch * scene_->window().span());
    } else {
        QGraphicsView::wheelEvent(event); // rows
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::NativeGesture) {
        const auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAroundPoint(gesture->position(), 1 + gesture->value());
            return true;
        }
    } else if (event->type() == QEvent::Gesture) {
        auto* gestures = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(gestures->gesture(Qt::PinchGesture))) {
            const QPointF centre = viewport()->mapFromGlobal(pinch->centerPoint().toPoint());
            zoomAroundPoint(centre, pinch->scaleFactor());
            gestures->accept(pinch);
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

void TimelineView::zoomAroundPoint(QPointF at, double factor) {
    const double anchor = timeAtViewport(at);
    scene_->zoomAround(anchor, factor);
    // A zoom may show or hide a scroll bar, which moves the card under the point once the
    // layouts have run: run them now and pan the anchor back under the point.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (const double drift = timeAtViewport(at) - anchor; drift != 0)
        scene_->panBy(-drift);
}

void TimelineView::zoomBy(double factor) {
    const TimeWindow& window = scene_->window();
    const double now = scene_->now();
    const bool playheadInView = now >= window.from && now <= window.to;
    scene_->zoomAround(playheadInView ? now : (window.from + window.to) / 2, factor);
}

void TimelineView::zoomIn() {
    zoomBy(kZoomStep);
}

void TimelineView::zoomOut() {
    zoomBy(1 / kZoomStep);
}

void TimelineView::zoomToFit() {
    scene_->fitWindow();
}

void TimelineView::fitCard() {
    const double available = viewport()->width() - 2 * style::kPagePadding;
    scene_->setCardWidth(std::clamp(available, kCardMinWidth, style::kCardMaxWidth));
    scene_->fitRowsTo(rowsFitted_ ? viewport()->height() : 0);
}

void TimelineView::setRowsFitted(bool fitted) {
    rowsFitted_ = fitted;
    fitCard();
}

} // namespace coroscope
