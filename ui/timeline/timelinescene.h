#pragma once

// The timeline card as a scene: title, axis, one row per task, segments, legend. It shows only
// what it is told (a scenario's names, then segment events and the time), so the window,
// scrubbing and export all draw the same thing from the same events.

#include "scenario.h"
#include "segment.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinestyle.h"

#include <QGraphicsScene>

#include <vector>

namespace coroscope {

class CardItem;
class SchedulerBridge;
class SegmentItem;
class SwatchItem;
class TextItem;
class TrackItem;

class TimelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TimelineScene(QObject* parent = nullptr);
    ~TimelineScene() override;

    // Shows what the bridge reports, from now on.
    void follow(SchedulerBridge* bridge);

    // The card's outer width (at most 1000 in the window); the scene grows to fit the card.
    void setCardWidth(double width);
    double cardWidth() const { return cardWidth_; }
    const TimelineLayout& layout() const { return layout_; }
    double axisEnd() const { return axisEnd_; }
    double now() const { return now_; }
    const std::vector<SegmentItem*>& segmentItems() const { return segments_; }
    // The topmost segment whose pill (not its shadow) holds the point, or null.
    SegmentItem* segmentAt(QPointF scenePoint) const;
    // The colours every item paints in (light until told otherwise).
    const style::Theme& theme() const { return theme_; }
    void setTheme(const style::Theme& theme);
    // A line across the tracks at the current time, with the time under it: the window shows
    // it, pictures do not (they stay the animation's frames).
    void setPlayheadShown(bool shown);
    // Rings the segment of one step (the panel's selection), now or when it starts; -1, -1
    // for none.
    void highlightStep(int task, int step);
    // What hovering a row's label says (the window gives each task's totals); by default the
    // label's own full name.
    void setRowDetails(const QStringList& details);
    QGraphicsLineItem* playhead() const { return playhead_; }
    QGraphicsSimpleTextItem* playheadTime() const { return playheadTime_; }

public slots:
    // New rows and labels; no segments until they start.
    void showScenario(const coroscope::Scenario& scenario, double axisEnd);
    void startSegment(const coroscope::Segment& segment);
    void finishSegment(const coroscope::Segment& segment);
    // Grows the segments still running up to this virtual time.
    void advanceTo(double nowMs);
    // Back to t = 0 with no segments (a new cycle or a seek backwards).
    void clearSegments();

protected:
    // Tooltips: the segment under the pointer, described on demand, or a shortened row label's
    // full name.
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void relayout();
    // The row whose label holds the point, or -1.
    int rowLabelAt(QPointF scenePoint) const;
    void placePlayhead();
    void placeLegend();
    void stopGrowing(SegmentItem* item);

    double cardWidth_;
    double axisEnd_ = 1000;
    double now_ = 0;
    style::Theme theme_ = style::Theme::light();
    std::pair<int, int> highlighted_{-1, -1};
    QStringList rowDetails_;
    QGraphicsLineItem* playhead_ = nullptr;
    QGraphicsSimpleTextItem* playheadTime_ = nullptr;
    TimelineLayout layout_;
    QStringList taskNames_;
    double widestRowLabel_ = 0; // in the row labels' font, for the label column's width
    CardItem* card_;
    TextItem* title_;
    TextItem* subtitle_;
    QGraphicsRectItem* axisLine_;
    QGraphicsRectItem* legendRule_;
    std::vector<TextItem*> axisLabels_;
    std::vector<TextItem*> rowLabels_;
    std::vector<TrackItem*> tracks_;
    std::vector<SwatchItem*> swatches_;
    std::vector<TextItem*> legendLabels_;
    std::vector<SegmentItem*> segments_; // in start order
    std::vector<SegmentItem*> growing_;  // started, not finished
    std::vector<SegmentItem*> growingByTask_;
};

} // namespace coroscope
