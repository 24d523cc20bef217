#include "code/codedock.h"

#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>
#include <optional>

namespace coroscope {

namespace {

// What a task is doing at a time: the step it is at and how to colour it.
struct TaskNow {
    std::size_t step = 0;
    std::optional<StepKind> kind; // holding the loop or waiting; none: ready to run
};

// A time ms means just after every decision at times <= ms, as the animation shows it.
std::optional<TaskNow> taskNow(const RunAnalysis& analysis, std::size_t task, double ms,
                               std::size_t steps) {
    const Lanes& lanes = *analysis.lanes;
    const std::span<const LaneSegment> lane = lanes.lane(task);
    const auto next = std::partition_point(lane.begin(), lane.end(),
                                           [&](const LaneSegment& s) { return s.end <= ms; });
    const std::size_t at = std::size_t(next - lane.begin());
    if (next != lane.end() && next->start <= ms)
        return TaskNow{lanes.laneStep(task, at).step, next->kind};
    const std::span<const Stretch> ready = analysis.explanation->ready.lane(task);
    const auto stretch = std::partition_point(ready.begin(), ready.end(),
                                              [&](const Stretch& s) { return s.end <= ms; });
    if (stretch == ready.end() || stretch->start > ms || steps == 0)
        return std::nullopt; // not yet arrived, between two moments, or gone
    // Ready for the step whose segment comes next; with none left, for its last (it returns).
    return TaskNow{next != lane.end() ? lanes.laneStep(task, at).step : steps - 1, {}};
}

QColor withAlpha(QColor color, double alpha) {
    color.setAlphaF(float(alpha));
    return color;
}

} // namespace

CodeDock::CodeDock(QWidget* parent)
    : QDockWidget(tr("Code"), parent)
    , view_(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("codeDock"));
    view_->setReadOnly(true);         // still selectable and copyable (Ctrl+C)
    view_->setUndoRedoEnabled(false); // the edits it shows are the window's to undo
    view_->setLineWrapMode(QPlainTextEdit::NoWrap);
    view_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view_->setAccessibleName(tr("The scenario as asyncio code"));
    view_->setAccessibleDescription(tr("Each task's current line is highlighted as the run "
                                       "plays; clicking a line selects its step"));
    view_->viewport()->installEventFilter(this);
    setWidget(view_);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && stale_)
            showCode();
        if (visible)
            highlightNow();
    });
    connect(view_->verticalScrollBar(), &QScrollBar::valueChanged, this, &CodeDock::highlightNow);
}

void CodeDock::follow(SchedulerBridge* bridge) {
    bridge_ = bridge;
    connect(bridge, &SchedulerBridge::scenarioChanged, this, [this] {
        stale_ = true;
        if (isVisible())
            showCode();
    });
    connect(bridge, &SchedulerBridge::timeAdvanced, this, [this] {
        if (isVisible())
            highlightNow();
    });
}

void CodeDock::setTheme(const style::Theme& theme) {
    theme_ = theme;
    highlightNow();
}

QColor CodeDock::kindColor(const KindSpec& kind) {
    return withAlpha(style::kindColors(kind).from, 0.35);
}

QColor CodeDock::readyColor(const style::Theme& theme) {
    return withAlpha(theme.mutedText, 0.3);
}

void CodeDock::showCode() {
    if (!bridge_)
        return;
    stale_ = false;
    TaskFunctions functions = asyncioTaskFunctions(bridge_->scenario());
    if (functions.text != functions_.text) {
        // An edit keeps the reader's place.
        const int top = view_->verticalScrollBar()->value();
        const int left = view_->horizontalScrollBar()->value();
        replaceChangedLines(functions_.text, functions.text);
        view_->verticalScrollBar()->setValue(top);
        view_->horizontalScrollBar()->setValue(left);
    }
    functions_ = std::move(functions);
    highlightNow();
}

void CodeDock::replaceChangedLines(const std::string& before, const std::string& after) {
    if (before.empty()) {
        view_->setPlainText(toQString(after));
        return;
    }
    // The lines between the longest common head and tail (whole lines: a line ends at '\n'):
    // an edit of one step rewrites a line or two, not a hundred thousand functions.
    const std::size_t shorter = std::min(before.size(), after.size());
    std::size_t head = std::size_t(
        std::mismatch(before.begin(), before.begin() + std::ptrdiff_t(shorter), after.begin())
            .first -
        before.begin());
    head = head == 0 ? 0 : before.rfind('\n', head - 1) + 1; // npos + 1 is 0
    std::size_t tail =
        std::size_t(std::mismatch(before.rbegin(), before.rbegin() + std::ptrdiff_t(shorter - head),
                                  after.rbegin())
                        .first -
                    before.rbegin());
    // Back to where a line begins in both: just after a '\n' (the texts end with one).
    while (tail > 0 && before[before.size() - tail - 1] != '\n')
        --tail;
    const auto line = [&](std::size_t offset) {
        return int(std::count(before.begin(), before.begin() + std::ptrdiff_t(offset), '\n'));
    };
    QTextDocument* document = view_->document();
    const int first = line(head);
    const int last = line(before.size() - tail);
    QTextCursor cursor(document->findBlockByNumber(first));
    cursor.setPosition(document->findBlockByNumber(last).position(), QTextCursor::KeepAnchor);
    cursor.insertText(toQString(std::string_view(after).substr(head, after.size() - tail - head)));
}

void CodeDock::highlightNow() {
    if (!bridge_ || stale_ || bridge_->lanes()->tasks() == 0) {
        view_->setExtraSelections({});
        return;
    }
    const RunAnalysis& analysis = bridge_->analysis();
    const Scenario& scenario = bridge_->scenario();
    const auto taskOnLine = [&](int line) {
        const auto after =
            std::upper_bound(functions_.tasks.begin(), functions_.tasks.end(), std::size_t(line),
                             [](std::size_t l, const CodeLines& c) { return l < c.first; });
        return std::size_t(std::max<std::ptrdiff_t>(after - functions_.tasks.begin() - 1, 0));
    };
    const int firstLine = view_->cursorForPosition({0, 0}).blockNumber();
    const int lastLine =
        view_->cursorForPosition({0, view_->viewport()->height() - 1}).blockNumber();
    const std::size_t last = std::min(taskOnLine(lastLine), analysis.lanes->tasks() - 1);
    QList<QTextEdit::ExtraSelection> selections;
    QTextDocument* document = view_->document();
    for (std::size_t task = taskOnLine(firstLine); task <= last; ++task) {
        const std::span<const CodeLines> steps = functions_.stepsOf(task);
        const std::optional<TaskNow> now = taskNow(analysis, task, bridge_->now(), steps.size());
        if (!now || now->step >= steps.size())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(now->kind ? kindColor(scenario.kinds[*now->kind])
                                                 : readyColor(theme_));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        const CodeLines& lines = steps[now->step];
        for (std::size_t line = lines.first; line < lines.first + lines.count; ++line) {
            selection.cursor = QTextCursor(document->findBlockByNumber(int(line)));
            selections << selection;
        }
    }
    view_->setExtraSelections(selections);
}

std::vector<CodeDock::Highlight> CodeDock::highlights() const {
    std::vector<Highlight> shown;
    for (const QTextEdit::ExtraSelection& selection : view_->extraSelections())
        shown.push_back({selection.cursor.blockNumber(), selection.format.background().color()});
    return shown; // top first, as highlightNow() makes them
}

bool CodeDock::eventFilter(QObject* watched, QEvent* event) {
    // A click, not the end of a drag that selects text to copy.
    if (watched == view_->viewport() && event->type() == QEvent::MouseButtonRelease &&
        !view_->textCursor().hasSelection()) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            const int line = view_->cursorForPosition(mouse->position().toPoint()).blockNumber();
            const auto [task, step] = functions_.stepOnLine(std::size_t(line));
            if (task >= 0)
                emit stepClicked(task, step);
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

} // namespace coroscope
