#include "editing/stepdelegate.h"

#include "bridge/qtext.h"
#include "editing/scenariomodel.h"
#include "scenariorules.h"
#include "timeline/timelinestyle.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPixmap>
#include <QSpinBox>

namespace coroscope {

QWidget* StepDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const {
    switch (index.column()) {
    case ScenarioModel::DurationColumn: {
        auto* spin = new QSpinBox(parent);
        spin->setRange(int(kMinStepMs), int(kMaxStepMs));
        spin->setSuffix(tr(" ms"));
        spin->setGroupSeparatorShown(true);
        spin->setAccelerated(true);
        spin->setFrame(false);
        return spin;
    }
    case ScenarioModel::KindColumn: {
        auto* combo = new QComboBox(parent);
        for (StepKind kind : kAllStepKinds) {
            QPixmap swatch(12, 12);
            swatch.fill(style::kindColors(kind).from);
            const std::string_view label = kindLabel(kind);
            combo->addItem(QIcon(swatch), toQString(label), int(kind));
        }
        return combo;
    }
    default: {
        auto* edit =
            qobject_cast<QLineEdit*>(QStyledItemDelegate::createEditor(parent, option, index));
        if (edit)
            edit->setMaxLength(int(kMaxNameBytes));
        return edit;
    }
    }
}

void StepDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        spin->setValue(index.data(Qt::EditRole).toInt());
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole).toInt()));
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void StepDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                const QModelIndex& index) const {
    if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentData());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace coroscope
