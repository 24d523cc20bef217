#pragma once

// The timeline card as a scene: title, ruler, one row per task, segments, legend. It shows only
// what it is told (a scenario's names and its schedule per task, then the time), so the window,
// scrubbing and export all draw the same thing. The tracks show a window of the run's time,
// which zooms and pans; the rows and the ruler are each one item that paints what is in view.

#include "asyncio/measuredrun.h"
#include "asyncio/taskmatch.h"
#include "explain/explain.h"
#include "loop/segment.h"
#include "model/progress.h"
#include "model/scenario.h"
#include "timeline/timelineitems.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinestyle.h"
#include "view/axis.h"
#include "view/flowarrows.h"
#include "view/lanes.h"
#include "view/tasktree.h"
#include "view/timewindow.h"

#include <QGraphicsScene>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace coroscope {

class ArrowsItem;
class AxisItem;
class CardItem;
class LanesItem;
class MeasuredItem;
class QueueChipsItem;
class RowLabelsItem;
class SchedulerBridge;
class SlotLanesItem;
class SwatchItem;
struct ShownArrow;

// A segment as the scene draws it now: up to the current time, in scene coordinates.
struct ShownSegment {
    Segment segment;
    QRectF rect;
};

// A line of text the scene paints, as an SVG export writes it.
struct SceneText {
    TextItem::Role role;
    QRectF rect;
    QString text; // as shown (elided where it did not fit)
    QFont font;
    QColor color;
    Qt::Alignment alignment;
};

class TimelineScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit TimelineScene(QObject* parent = nullptr);
    ~TimelineScene() override;

    // Shows what the bridge reports, from now on.
    void follow(SchedulerBridge* bridge);

    // The card's outer width (at most 1000 in the window); the scene grows to fit the card.
    void setCardWidth(double width);
    // The height of the view showing the card, when its rows should fit it: rows turn compact
    // where the full-size ruler and rows would be taller (0: always full size).
    void fitRowsTo(double viewHeight);
    double cardWidth() const { return cardWidth_; }
    const TimelineLayout& layout() const { return layout_; }
    double axisEnd() const { return axisEnd_; }
    double now() const { return now_; }
    const Lanes& lanes() const { return *lanes_; }
    const ReadyStretches& readyStretches() const { return explanation_->ready; }
    // A run measured under real asyncio, drawn over the rows (see MeasuredItem); null for none.
    const MeasuredRun* measured() const { return measured_.get(); }
    // The measured task shown on a row (see matchTasks), or none.
    std::optional<std::size_t> measuredTask(int row) const;
    // Explain mode: who holds the loop when, drawn as a lane above the rows.
    const LoopLane& loopLane() const { return explanation_->loop; }
    // Explain mode: under the loop's lane, a lane per limited resource and one for the pool
    // (as the layout's slotLanes); empty until the run's explanation is here.
    std::span<const ResourceLane> slotLanes() const;
    // Explain mode: the tasks in the ready queue at the current time, front first.
    std::span<const std::size_t> queueNow() const { return explanation_->queues.queueAt(now_); }

    // Explain mode: the stretches in which a task is ready but kept waiting for the loop are
    // drawn (light and hatched), with their legend entry, and the loop's own lane above the
    // rows says which task holds it when. Off, the picture is the reference's.
    void setExplained(bool on);
    bool explained() const { return explained_; }
    // The rows in tree order (spawned tasks under their parent), folded subtrees on their
    // task's row: the task a row shows, the row that shows a task, and each task's place.
    int rows() const { return treeRows_.rows(); }
    std::size_t rowTask(int row) const { return treeRows_.task(row); }
    int taskRow(std::size_t task) const { return treeRows_.rowOf(task); }
    const TaskTree& tree() const { return tree_; }
    // Whether any task spawns another: the labels then show the tree (indented, with a
    // disclosure triangle on each parent).
    bool showsTree() const { return showsTree_; }
    // A row's segments in time order: its task's, or, folded, its whole subtree's merged.
    std::span<const LaneSegment> rowLane(int row) const;
    // Folds a task's subtree onto its row, or unfolds it (a task without children has none).
    void setFolded(std::size_t task, bool folded);
    bool isFolded(std::size_t task) const;
    // The spawn and join arrows of the run, and whether they are drawn: by default for runs
    // of up to kArrowsUpTo tasks (more would be a thicket), or as told.
    static constexpr std::size_t kArrowsUpTo = 500;
    const std::vector<FlowArrow>& arrows() const { return arrows_; }
    // The arrows drawn now, where they are (those in the window).
    std::vector<ShownArrow> shownArrows() const;
    void setArrowsShown(bool shown);
    bool arrowsShown() const;

    // The part of the run's time the tracks show: the whole axis unless zoomed.
    const TimeWindow& window() const { return window_; }
    void setWindow(const TimeWindow& window);
    void zoomAround(double anchorMs, double factor);
    void panBy(double deltaMs);
    void fitWindow();
    bool isFit() const;
    // The ruler's ticks and labels for the window.
    const TickSet& ticks() const { return ticks_; }

    // Segments drawn now, in start order (those starting at this moment have no width yet).
    std::vector<ShownSegment> shownSegments() const;
    // The segment whose pill (not its shadow) holds the point, or nothing.
    std::optional<Segment> segmentAt(QPointF scenePoint) const;
    // The text of a row's label as drawn (elided where the column is too narrow).
    QString shownRowLabel(int row) const;
    // Every line of text as painted, and whether the scene paints text at all (SVG export
    // writes it as text elements instead).
    std::vector<SceneText> texts() const;
    void setTextPainted(bool painted);
    bool textPainted() const { return textPainted_; }

    // The colours every item paints in (light until told otherwise).
    const style::Theme& theme() const { return theme_; }
    // The shown scenario's kinds, and their colours by StepKind.
    const KindTable& kinds() const { return kinds_; }
    const style::KindColors& kindColors(StepKind kind) const { return kindColors_[kind.index]; }
    const std::vector<style::KindColors>& kindPalette() const { return kindColors_; }
    void setTheme(const style::Theme& theme);
    // A line across the tracks at the current time, with the time under the ruler: the window
    // shows it, pictures do not (they stay the animation's frames).
    void setPlayheadShown(bool shown);
    // Marks where the run ends once the animation gets there, with a caption in which %1 is
    // the time ("Async: done at %1" → "Async: done at 800ms"); empty, no mark. How two cards
    // compared on one axis show both makespans.
    void setFinishCaption(const QString& caption);
    const QString& finishCaption() const { return finishCaption_; }
    std::int64_t makespan() const { return makespan_; }
    bool playheadShown() const;
    // Rings the segment of one step (the panel's selection), now or when it starts; -1, -1
    // for none.
    void highlightStep(int task, int step);
    std::pair<int, int> highlighted() const { return highlighted_; }
    // What hovering a row's label says about its task, asked for then (the window gives each
    // task's totals); where it says nothing, the label's own full name when it is elided.
    using RowDetails = std::function<QString(int task)>;
    void setRowDetails(RowDetails details);
    const QStringList& taskNames() const { return taskNames_; }
    // Keeps the ruler in view: the view's top edge in scene coordinates (the ruler's own place
    // when the card's top is in view).
    void pinRuler(double viewTop);
    double rulerOffset() const { return rulerOffset_; }
    // Whether the view's top has passed the middle of the card's title (the ruler then carries
    // the title in small), and the title.
    bool titleScrolledAway() const { return titleScrolledAway_; }
    QString cardTitle() const;
    // Told as the rows are painted (an export's one long paint); when it says stop, the rest
    // of the rows are left out and paintStopped() says so.
    void setPaintProgress(const Progress& progress);
    // Called by the rows' item as it paints: whether to go on.
    bool rowsPainted(int done);
    bool paintStopped() const { return paintStopped_; }
    QGraphicsLineItem* playhead() const { return playhead_; }
    QGraphicsSimpleTextItem* playheadTime() const { return playheadTime_; }
    QueueChipsItem* queueChips() const { return queueChips_; }

signals:
    void windowChanged(double fromMs, double toMs);
    // Explain mode turned on or off: whether the scene needs the run's explanation.
    void explanationWanted(bool wanted);

public slots:
    // New rows, labels and schedule; nothing drawn until the time moves past a start.
    void showScenario(const coroscope::Scenario& scenario,
                      std::shared_ptr<const coroscope::Lanes> lanes, double axisEnd);
    // Why tasks wait, for Explain mode (the bridge sends it just before the scenario).
    void showExplanation(std::shared_ptr<const coroscope::Explanation> explanation);
    // A run measured under real asyncio to draw over the model's, with its legend entry (and
    // the ready stretches', which its late awaits look like); null for none.
    void showMeasured(std::shared_ptr<const coroscope::MeasuredRun> measured);
    // Draws segments up to this virtual time (they grow as it moves on).
    void advanceTo(double nowMs);
    // Back to t = 0 with no segments (a new cycle or a seek backwards).
    void clearSegments();

protected:
    // Tooltips: the segment under the pointer, described on demand, or a row label's details.
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

private:
    void matchMeasured();
    // The rows for the tree and the folds, and the folded rows' merged lanes.
    void placeRows();
    // A join's tasks (empty for any other step).
    std::span<const std::uint32_t> joinedBy(std::size_t task, std::size_t step) const;
    void relayout();
    // The layout for the card's width, rows and modes (compact rows if they must fit).
    TimelineLayout laidOut() const;
    void windowMoved();
    // The row whose label holds the point, or -1.
    int rowLabelAt(QPointF scenePoint) const;
    // Explain mode: what the loop's lane says at the point, or nothing off it.
    QString describeLoopAt(QPointF scenePoint) const;
    // The task whose track lies under a point, and the time there, where the run is drawn so
    // far; nothing off the tracks, after now, or on a folded row (its lane merges many tasks).
    struct TaskHit {
        std::size_t task;
        double ms;
    };
    std::optional<TaskHit> drawnTaskAt(QPointF scenePoint) const;
    // Explain mode: a task's hatched stretch of being ready while others hold the loop, and who
    // held it meanwhile; empty where none is drawn.
    QString describeReadyAt(QPointF scenePoint) const;
    // The measured run under a point: its row's measured segment at that time (found by time,
    // as a version 2 row's spawns, joins and queued stretches leave no step index to go by)
    // and, for an await of a recorded program, what it awaited and where; empty for none.
    QString describeMeasuredAt(QPointF scenePoint) const;
    void placePlayhead();
    void placeRuler();
    // Shows the legend entries the modes call for (from the measured run, Explain and whether
    // text is painted) and lays them out centred.
    void placeLegend();
    // Puts a legend entry at a place in the list (the kinds first).
    void addLegendEntry(SwatchItem* swatch, const QString& text,
                        std::size_t position = std::size_t(-1));
    // The legend's kind entries and the kinds' colours, for a new table.
    void showKinds(const KindTable& kinds);
    void placeFinish();
    // Repaints the tracks between two times (all of them for nothing).
    void updateTracks(std::optional<std::pair<double, double>> between = std::nullopt);

    double cardWidth_;
    double fitRowsTo_ = 0;
    double axisEnd_ = 1000;
    double now_ = 0;
    TimeWindow window_{0, 1000};
    TickSet ticks_;
    double rulerOffset_ = 0;
    bool titleScrolledAway_ = false;
    bool textPainted_ = true;
    Progress paintProgress_;
    bool paintStopped_ = false;
    std::shared_ptr<const Lanes> lanes_;
    TaskTree tree_;
    bool showsTree_ = false;
    std::vector<bool> folded_; // by task
    TreeRows treeRows_;
    std::vector<std::vector<LaneSegment>> mergedLanes_; // by row: a folded row's, else empty
    std::vector<FlowArrow> arrows_;
    std::optional<bool> arrowsChosen_; // the user's choice, once made
    struct JoinStep {
        std::uint32_t task = 0;
        std::uint32_t step = 0;
        std::vector<std::uint32_t> tasks;
    };
    std::vector<JoinStep> joins_; // in task, step order
    std::int64_t threads_ = kDefaultThreads;
    std::vector<LaneKind> slotLaneKinds_; // the scenario's, drawn when explained
    std::shared_ptr<const Explanation> explanation_;
    std::shared_ptr<const MeasuredRun> measured_;
    TaskMatches measuredTasks_; // per row; made anew with the scenario or the measured run
    bool explained_ = false;
    QString finishCaption_;
    std::int64_t makespan_ = 0;
    bool anyQueued_ = false; // whether a step queued for a slot or a worker: the legend says so
    style::Theme theme_ = style::Theme::light();
    KindTable kinds_;
    std::vector<style::KindColors> kindColors_;
    std::pair<int, int> highlighted_{-1, -1};
    RowDetails rowDetails_;
    QGraphicsLineItem* playhead_ = nullptr;
    QGraphicsSimpleTextItem* playheadTime_ = nullptr;
    TimelineLayout layout_;
    QStringList taskNames_;
    double widestRowLabel_ = 0; // in the row labels' font, for the label column's width
    double treeIndent_ = 0;     // the deepest label's indent and triangle
    CardItem* card_;
    TextItem* title_;
    TextItem* subtitle_;
    AxisItem* axis_;
    LanesItem* lanesItem_;
    SlotLanesItem* slotLanesItem_;
    ArrowsItem* arrowsItem_;
    MeasuredItem* measuredItem_;
    RowLabelsItem* rowLabels_;
    QueueChipsItem* queueChips_;
    QGraphicsRectItem* legendRule_;
    QGraphicsLineItem* finishLine_;
    TextItem* finishLabel_;
    std::vector<SwatchItem*> swatches_;
    std::vector<TextItem*> legendLabels_;
};

// What hovering a segment says, as plain text: "Task 2, step 2: I/O Wait\n250 ms to 370 ms
// (120 ms)".
QString describeSegment(const Segment& segment, const QString& taskName, const KindTable& kinds);
// What hovering it adds when a measured run is shown: "Measured under asyncio: 150.2 ms to
// 250.4 ms", and for a wait whose await returned late, by how much.
QString describeMeasured(const MeasuredSegment& segment);
// The same for the recorder's row of loop work that belongs to no task (kLoopWorkRow): "Loop
// work of no task (protocol callbacks, call_soon functions), measured under asyncio: 18.0 ms
// to 18.1 ms", or for the time between, that no such work ran.
QString describeLoopWork(const MeasuredSegment& segment);

} // namespace coroscope
