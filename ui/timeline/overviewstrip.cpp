#include "timeline/overviewstrip.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace coroscope {

namespace {

constexpr int kHeight = 44;
// The strip sits inside the page's padding, as the card does.
constexpr int kSideMargin = 20, kTopMargin = 6, kBottomMargin = 6;
constexpr double kGripPx = 5; // how near an edge a press takes hold of it
// A column with any activity draws a bar at least this tall (2 px in sight over the window's
// outline): a long run's sparse work, or a few waits beside the most at once, would
// otherwise round to nothing.
constexpr double kLeastBarPx = 3;

// Adds the time [x0, x1) (in columns, fractions allowed) to per-column totals in O(1): whole
// columns go into a difference array, the partial ends into `part`.
void spread(double x0, double x1, std::vector<double>& part, std::vector<double>& whole) {
    const int last = int(part.size()) - 1;
    x0 = std::clamp(x0, 0.0, double(part.size()));
    x1 = std::clamp(x1, 0.0, double(part.size()));
    const int c0 = std::min(int(x0), last);
    const int c1 = std::min(int(x1), last);
    if (c0 == c1) {
        part[std::size_t(c0)] += x1 - x0;
        return;
    }
    part[std::size_t(c0)] += c0 + 1 - x0;
    part[std::size_t(c1)] += x1 - c1;
    whole[std::size_t(c0 + 1)] += 1;
    whole[std::size_t(c1)] -= 1;
}

} // namespace

OverviewStrip::OverviewStrip(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Overview"));
    setAccessibleDescription(tr("The whole run: CPU busy over time and tasks waiting, with the "
                                "part the timeline shows; drag it to pan, drag its edges to zoom"));
    setToolTip(tr("The whole run: the upper bars show how busy the CPU is, the lower ones how "
                  "many tasks wait on I/O or HTTP.\nDrag the window to pan, drag its edges to "
                  "zoom."));
}

QSize OverviewStrip::sizeHint() const {
    return {400, kHeight};
}

QSize OverviewStrip::minimumSizeHint() const {
    return {100, kHeight};
}

void OverviewStrip::setTheme(const style::Theme& theme) {
    theme_ = theme;
    update();
}

void OverviewStrip::showRun(std::shared_ptr<const Lanes> lanes, double axisEnd) {
    lanes_ = std::move(lanes);
    axisEnd_ = axisEnd;
    recompute();
    update();
}

void OverviewStrip::setWindow(double fromMs, double toMs) {
    window_ = {fromMs, toMs};
    update();
}

void OverviewStrip::setNow(double ms) {
    const double before = xAt(now_);
    now_ = ms;
    const double after = xAt(now_);
    update(QRect(int(std::min(before, after)) - 2, 0, int(std::abs(after - before)) + 5, height()));
}

QRectF OverviewStrip::stripRect() const {
    return QRectF(kSideMargin, kTopMargin, std::max(1, width() - 2 * kSideMargin),
                  std::max(1, height() - kTopMargin - kBottomMargin));
}

double OverviewStrip::xAt(double ms) const {
    const QRectF strip = stripRect();
    return strip.left() + windowToX(ms, fitWindow(axisEnd_), strip.width());
}

double OverviewStrip::timeAt(double x) const {
    const QRectF strip = stripRect();
    return xToWindowTime(x - strip.left(), fitWindow(axisEnd_), strip.width());
}

void OverviewStrip::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    recompute();
}

void OverviewStrip::recompute() {
    const std::size_t columns = std::size_t(stripRect().width());
    std::vector<double> busyPart(columns), busyWhole(columns + 1);
    std::vector<double> waitPart(columns), waitWhole(columns + 1);
    const double scale = axisEnd_ > 0 ? double(columns) / axisEnd_ : 0;
    if (lanes_) {
        for (std::size_t task = 0; task < lanes_->tasks(); ++task) {
            for (const LaneSegment& s : lanes_->lane(task)) {
                const bool cpu = s.kind == StepKind::Cpu;
                spread(double(s.start) * scale, double(s.end) * scale, cpu ? busyPart : waitPart,
                       cpu ? busyWhole : waitWhole);
            }
        }
    }
    busy_.assign(columns, 0);
    waiting_.assign(columns, 0);
    double busyRun = 0, waitRun = 0;
    mostWaiting_ = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        busyRun += busyWhole[c];
        waitRun += waitWhole[c];
        busy_[c] = float(std::min(1.0, busyRun + busyPart[c]));
        waiting_[c] = float(waitRun + waitPart[c]);
        mostWaiting_ = std::max(mostWaiting_, waiting_[c]);
    }
}

QRectF OverviewStrip::windowRect() const {
    const QRectF strip = stripRect();
    const double left = xAt(window_.from);
    const double right = std::max(xAt(window_.to), left + 3); // a deep zoom stays visible
    return {left, strip.top(), right - left, strip.height()};
}

void OverviewStrip::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), theme_.page);
    const QRectF strip = stripRect();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme_.track);
    painter.drawRoundedRect(strip, 4, 4);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Two lanes: the CPU's busy fraction on top, the tasks waiting (scaled to the most at
    // once) under it.
    const QColor cpu = style::kindColors(builtinKinds()[StepKind::Cpu]).to;
    const QColor wait = style::kindColors(builtinKinds()[StepKind::Io]).to;
    const double lane = (strip.height() - 2) / 2;
    const double cpuBottom = strip.top() + 1 + lane;
    const double waitBottom = strip.bottom() - 1;
    for (std::size_t c = 0; c < busy_.size(); ++c) {
        const double x = strip.left() + double(c);
        if (busy_[c] > 0) {
            const double b = std::max(lane * busy_[c], kLeastBarPx);
            painter.fillRect(QRectF(x, cpuBottom - b, 1, b), cpu);
        }
        if (mostWaiting_ > 0 && waiting_[c] > 0) {
            const double w = std::max(lane * waiting_[c] / mostWaiting_, kLeastBarPx);
            painter.fillRect(QRectF(x, waitBottom - w, 1, w), wait);
        }
    }
    const double h = strip.height();
    painter.setRenderHint(QPainter::Antialiasing);
    // Outside the window dimmed; the window outlined.
    const QRectF shown = windowRect();
    if (!isFit(window_, axisEnd_)) {
        QColor dim = theme_.page;
        dim.setAlphaF(0.65);
        painter.fillRect(QRectF(strip.left(), strip.top(), shown.left() - strip.left(), h), dim);
        painter.fillRect(QRectF(shown.right(), strip.top(), strip.right() - shown.right(), h), dim);
    }
    painter.setPen(QPen(theme_.title, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(shown.adjusted(0.75, 0.75, -0.75, -0.75), 3, 3);
    QColor ink = theme_.title;
    ink.setAlphaF(0.7);
    painter.setPen(QPen(ink, 1.5));
    const double x = xAt(now_);
    painter.drawLine(QPointF(x, strip.top()), QPointF(x, strip.bottom()));
}

OverviewStrip::Grip OverviewStrip::gripAt(double x) const {
    const QRectF shown = windowRect();
    if (std::abs(x - shown.left()) <= kGripPx && shown.width() > 2 * kGripPx)
        return Grip::LeftEdge;
    if (std::abs(x - shown.right()) <= kGripPx)
        return Grip::RightEdge;
    if (x > shown.left() && x < shown.right())
        return Grip::Move;
    return Grip::None;
}

void OverviewStrip::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const double x = event->position().x();
    grip_ = gripAt(x);
    if (grip_ == Grip::None) {
        // Elsewhere: the window jumps to centre there, then follows the pointer.
        emit windowRequested(windowAround(timeAt(x), window_.span(), axisEnd_));
        grip_ = Grip::Move;
        gripOffsetMs_ = window_.span() / 2;
    } else {
        gripOffsetMs_ = timeAt(x) - window_.from;
    }
    event->accept();
}

void OverviewStrip::mouseMoveEvent(QMouseEvent* event) {
    const double x = event->position().x();
    const double ms = std::clamp(timeAt(x), 0.0, axisEnd_);
    switch (grip_) {
    case Grip::None: {
        const Grip over = gripAt(x);
        setCursor(over == Grip::Move                                  ? Qt::OpenHandCursor
                  : over == Grip::LeftEdge || over == Grip::RightEdge ? Qt::SizeHorCursor
                                                                      : Qt::PointingHandCursor);
        return;
    }
    case Grip::Move:
        emit windowRequested(
            clampedWindow({ms - gripOffsetMs_, ms - gripOffsetMs_ + window_.span()}, axisEnd_));
        break;
    case Grip::LeftEdge:
        emit windowRequested(
            clampedWindow({std::min(ms, window_.to - kMinWindowSpanMs), window_.to}, axisEnd_));
        break;
    case Grip::RightEdge:
        emit windowRequested(
            clampedWindow({window_.from, std::max(ms, window_.from + kMinWindowSpanMs)}, axisEnd_));
        break;
    }
    event->accept();
}

void OverviewStrip::mouseReleaseEvent(QMouseEvent* event) {
    grip_ = Grip::None;
    QWidget::mouseReleaseEvent(event);
}

} // namespace coroscope
