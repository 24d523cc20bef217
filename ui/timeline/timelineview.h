#pragma once

// Shows a TimelineScene: the card keeps at most 1000 px, centred; the tracks stretch with the
// window; many rows scroll vertically.

#include <QGraphicsView>

namespace coroscope {

class TimelineScene;

class TimelineView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TimelineView(TimelineScene* scene, QWidget* parent = nullptr);

signals:
    // A click on the tracks: the user wants to see that moment.
    void seekRequested(double ms);
    // A click on a segment: the user points at that task's step (0-based).
    void stepClicked(int task, int step);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void fitCard();
    TimelineScene* scene_;
};

} // namespace coroscope
