#pragma once

// Editors for the scenario tree: a spin box for durations (only 1..86,400,000 ms can be
// entered) and start times, a combo box with the legend colours for kinds (a pick commits at
// once, Thread, Spawn and Join among them), the task picker for a spawn's task (or a new one)
// and a join's tasks, a line edit for task names. An edit the model refuses is
// signalled, so that the panel says why.

#include "model/stepkind.h"

#include <QStyledItemDelegate>

namespace coroscope {

class StepDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
    // The Kind column is as wide as its editor, so that "HTTP Wait" shows whole in it.
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

signals:
    // The model refused the edit of this cell (its refusal() says why).
    void refused(const QModelIndex& index) const;

private:
    // A kind picked from the list is the edit: no Enter or focus change needed.
    void commitAndClose();

    mutable int kindEditorWidth_ = 0; // measured once per table of kinds
    mutable KindTable kindEditorKinds_;
};

} // namespace coroscope
