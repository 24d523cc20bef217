#pragma once

// The panel's Resources table (a version 2 scenario's kinds that tasks wait on): name, label,
// colour and limit of each, io and http always there, buttons to add and remove the
// scenario's own; and beside it the thread pool's size. Every change is an edit of the model,
// so it is undoable and refused, with the rule's message under the table, if it breaks a rule.

#include <QWidget>

class QSpinBox;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace coroscope {

class RefusalNote;
class ScenarioModel;

class ResourcesTable : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, LabelColumn, ColorColumn, LimitColumn, ColumnCount };
    explicit ResourcesTable(ScenarioModel* model, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    QSpinBox* threads() const { return threads_; }
    QToolButton* addButton() const { return add_; }
    QToolButton* removeButton() const { return remove_; }
    RefusalNote* note() const { return note_; }
    // The colour button of a row (it opens a colour dialog).
    QToolButton* colorButton(int row) const;

private:
    // Fills the table from the scenario (after every edit, undo and open).
    void refresh();
    void commitCell(QTableWidgetItem* item);
    void pickColor(int row);
    void addResource();
    void removeResource();
    void updateButtons();

    ScenarioModel* model_;
    QTableWidget* table_;
    QSpinBox* threads_;
    QToolButton* add_;
    QToolButton* remove_;
    RefusalNote* note_;
};

} // namespace coroscope
