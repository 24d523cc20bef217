#include "explain/eventlog.h"

#include "analysis/narration.h"
#include "bridge/qtext.h"
#include "explain/explain.h"

#include <QAbstractListModel>

namespace coroscope {

class EventLog::Model final : public QAbstractListModel {
public:
    using QAbstractListModel::QAbstractListModel;

    void reset(std::vector<LogLine> lines) {
        beginResetModel();
        lines_ = std::move(lines);
        endResetModel();
    }
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(lines_.size());
    }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
            return {};
        const QString shown = EventLog::shown(lines_[std::size_t(index.row())]);
        return role == Qt::ToolTipRole ? plainToolTip(shown) : shown;
    }
    double timeOf(int row) const { return double(lines_[std::size_t(row)].time); }
    // The last line at or before ms, or -1.
    int lineAt(double ms) const { return logLineAt(lines_, ms); }

private:
    std::vector<LogLine> lines_;
};

EventLog::EventLog(QWidget* parent)
    : QListView(parent)
    , model_(new Model(this)) {
    setModel(model_);
    setUniformItemSizes(true); // a million lines lay out at once
    setWordWrap(false);
    setEditTriggers(NoEditTriggers);
    setSelectionMode(SingleSelection);
    setAccessibleName(tr("Event log"));
    setAccessibleDescription(tr("The event loop's decisions in order; the current moment is "
                                "highlighted; activating a line shows that moment"));
    connect(this, &QListView::clicked, this,
            [this](const QModelIndex& index) { emit seekRequested(model_->timeOf(index.row())); });
    connect(this, &QListView::activated, this,
            [this](const QModelIndex& index) { emit seekRequested(model_->timeOf(index.row())); });
}

void EventLog::showRun(const Scenario& scenario, std::span<const LoopEvent> events,
                       const MeasuredRun* measured) {
    model_->reset(narrateRun(scenario, events, measured));
}

void EventLog::setNow(double ms) {
    const int line = model_->lineAt(ms);
    if (line == currentLine())
        return;
    if (line < 0) {
        clearSelection();
        setCurrentIndex({});
        return;
    }
    const QModelIndex index = model_->index(line);
    setCurrentIndex(index);
    scrollTo(index, EnsureVisible);
}

int EventLog::currentLine() const {
    return currentIndex().isValid() ? currentIndex().row() : -1;
}

int EventLog::lineCount() const {
    return model_->rowCount();
}

QString EventLog::shown(const LogLine& line) {
    return tr("%L1 ms — %2").arg(line.time).arg(toQString(line.text));
}

QString EventLog::lineText(int line) const {
    return model_->data(model_->index(line), Qt::DisplayRole).toString();
}

} // namespace coroscope
