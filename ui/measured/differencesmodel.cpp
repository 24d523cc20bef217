#include "measured/differencesmodel.h"

#include "bridge/qtext.h"

#include <algorithm>
#include <cmath>

namespace coroscope {

void DifferencesModel::show(const Scenario& scenario, std::vector<TaskDifference> differences) {
    beginResetModel();
    differences_ = std::move(differences);
    names_.clear();
    for (const Task& task : scenario.tasks)
        names_.push_back(toQString(task.name));
    // The readout resolves a hundredth of the largest difference (of a millisecond at least).
    double largest = 1;
    for (const TaskDifference& d : differences_)
        largest = std::max({largest, d.size(), d.lateMs});
    precision_ = ticksFor(0, largest);
    endResetModel();
}

int DifferencesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(differences_.size());
}

int DifferencesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString DifferencesModel::time(double ms) const {
    return toQString(timeReadout(ms, precision_));
}

QString DifferencesModel::shift(double ms) const {
    const QString size = time(std::abs(ms));
    if (size == time(0))
        return size; // no sign for what rounds to nothing
    return (ms > 0 ? QStringLiteral("+") : QStringLiteral("-")) + size;
}

QString DifferencesModel::text(const TaskDifference& d, int column) const {
    switch (column) {
    case TaskColumn:
        return names_.value(qsizetype(d.task));
    case StartColumn:
        return tr("%1 at step %2").arg(shift(d.startShiftMs)).arg(d.step + 1);
    case FinishColumn:
        return tr("%1 (model %2, %3)")
            .arg(time(d.measuredFinishMs), time(d.modelFinishMs), shift(d.finishShiftMs()));
    case LateColumn:
        return time(d.lateMs);
    default:
        return {};
    }
}

QString DifferencesModel::explanation(const TaskDifference& d) const {
    return tr("%1: step %2 started %3 from the model's start; the task finished at %4, the model "
              "at %5.\nIts awaits returned %6 after their waits ended, in all: ready, waiting "
              "for the loop.")
        .arg(names_.value(qsizetype(d.task)), QString::number(d.step + 1), shift(d.startShiftMs),
             time(d.measuredFinishMs), time(d.modelFinishMs), time(d.lateMs));
}

QVariant DifferencesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const TaskDifference& d = difference(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(d, index.column());
    case Qt::ToolTipRole:
        return explanation(d);
    case Qt::TextAlignmentRole:
        return index.column() == TaskColumn ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                            : int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DifferencesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TaskColumn:
        return tr("Task");
    case StartColumn:
        return tr("Largest start shift");
    case FinishColumn:
        return tr("Finished (measured)");
    case LateColumn:
        return tr("Waited for the loop");
    default:
        return {};
    }
}

} // namespace coroscope
