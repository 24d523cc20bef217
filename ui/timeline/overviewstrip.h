#pragma once

// The whole run in miniature under the timeline: how busy the loop's CPU is over time (upper
// bars) and how many tasks wait on I/O or HTTP (lower bars), with the window the tracks show
// drawn on it. Dragging the window pans, dragging its edges zooms, a press elsewhere centres
// the window there.

#include "timeline/timelinestyle.h"
#include "view/lanes.h"
#include "view/timewindow.h"

#include <QWidget>

#include <memory>
#include <vector>

namespace coroscope {

class OverviewStrip : public QWidget {
    Q_OBJECT
public:
    explicit OverviewStrip(QWidget* parent = nullptr);

    void setTheme(const style::Theme& theme);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Per pixel column of the strip's width: the fraction of its time the CPU is busy, and the
    // mean number of tasks waiting (both recomputed when the run or the width changes).
    const std::vector<float>& busy() const { return busy_; }
    const std::vector<float>& waiting() const { return waiting_; }
    // Where a time is in the widget, and back (the strip's whole width is the run's axis).
    double xAt(double ms) const;
    double timeAt(double x) const;

public slots:
    void showRun(std::shared_ptr<const coroscope::Lanes> lanes, double axisEnd);
    void setWindow(double fromMs, double toMs);
    void setNow(double ms);

signals:
    // The user dragged or pressed: the window the tracks should show.
    void windowRequested(coroscope::TimeWindow window);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    enum class Grip { None, Move, LeftEdge, RightEdge };
    Grip gripAt(double x) const;
    void recompute();
    QRectF windowRect() const;
    // The miniature inside the widget's margins.
    QRectF stripRect() const;

    std::shared_ptr<const Lanes> lanes_;
    double axisEnd_ = 1000;
    TimeWindow window_{0, 1000};
    double now_ = 0;
    style::Theme theme_ = style::Theme::light();
    std::vector<float> busy_;
    std::vector<float> waiting_;
    float mostWaiting_ = 0;
    Grip grip_ = Grip::None;
    double gripOffsetMs_ = 0; // where in the window the pointer took hold of it
};

} // namespace coroscope
