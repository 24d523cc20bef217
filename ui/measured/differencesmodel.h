#pragma once

// The rows of the measured-versus-model list: per task, the start furthest from the model's,
// the finish measured and modelled, and how long its awaits waited for a busy loop, largest
// difference first (core/rundifferences). Every time in the list is written to one precision,
// fine enough to tell the differences apart.

#include "asyncio/rundifferences.h"
#include "model/scenario.h"
#include "view/axis.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace coroscope {

class DifferencesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TaskColumn, StartColumn, FinishColumn, LateColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // The differences of a scenario's run (rows in the order given); none to empty the list.
    void show(const Scenario& scenario, std::vector<TaskDifference> differences);
    const TaskDifference& difference(int row) const { return differences_[std::size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString time(double ms) const;
    QString shift(double ms) const; // signed: "+7.2ms", "-0.35ms"
    QString text(const TaskDifference& difference, int column) const;
    QString explanation(const TaskDifference& difference) const;

    std::vector<TaskDifference> differences_;
    QStringList names_; // by task
    TickSet precision_;
};

} // namespace coroscope
