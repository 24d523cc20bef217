#pragma once

// Shows a TimelineScene: the card keeps at most 1000 px, centred, and shrinks with the window;
// many rows scroll vertically under a ruler that stays in view. Time zooms and pans: Ctrl+wheel
// (or a pinch) zooms around the pointer, Shift+wheel or a sideways wheel and dragging the
// tracks pan; a click on a track (without dragging) asks for that moment.

#include "keyhelp.h"

#include <QGraphicsView>

#include <optional>

namespace coroscope {

class TimelineScene;

class TimelineView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TimelineView(TimelineScene* scene, QWidget* parent = nullptr);

    // How much one zoom step (a key, a menu entry, a wheel notch) magnifies.
    static constexpr double kZoomStep = 1.25;
    // The keys and gestures it handles itself (its actions are the window's).
    static KeyHelpList keyHelp();

public slots:
    // Zoom around the playhead when it is in view, else around the window's middle.
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // The top of the card in view (after opening a scenario).
    void showTop();
    // The ruler and the rows (down to the finish mark) in view, as far as they fit: what two
    // cards compared in half the height each should show.
    void showTracks();
    // Whether every row should fit the view's height (compact rows where full-size ones would
    // not): on while two cards are compared, each in half the height.
    void setRowsFitted(bool fitted);

signals:
    // A click on the tracks: the user wants to see that moment.
    void seekRequested(double ms);
    // A click on a segment: the user points at that task's step (0-based).
    void stepClicked(int task, int step);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;

private:
    void fitCard();
    void pinRuler();
    void zoomBy(double factor);
    // Zooms keeping the time under a viewport point (the pointer, a pinch) where it is.
    void zoomAroundPoint(QPointF at, double factor);
    // The time under a viewport point, clamped to the window when off the tracks.
    double timeAtViewport(QPointF viewportPoint) const;
    TimelineScene* scene_;
    // A press on the tracks: where, and the window then; a drag pans from it.
    std::optional<QPointF> pressAt_;
    bool dragging_ = false;
    bool rowsFitted_ = false;
    double pressFrom_ = 0;
};

} // namespace coroscope
