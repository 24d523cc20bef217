#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coroscope {

ShortcutsDialog::ShortcutsDialog(const KeyHelpList& rows, QWidget* parent)
    : QDialog(parent)
    , table_(new QTableWidget(int(rows.size()), 2, this)) {
    setWindowTitle(tr("Keyboard shortcuts"));
    table_->setHorizontalHeaderLabels({tr("Key"), tr("Action")});
    table_->setAccessibleName(tr("Keyboard shortcuts"));
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    for (int row = 0; row < int(rows.size()); ++row) {
        table_->setItem(row, 0, new QTableWidgetItem(rows[row].key));
        table_->setItem(row, 1, new QTableWidgetItem(rows[row].action));
    }
    table_->resizeColumnsToContents();
    table_->resizeRowsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(std::max(480, table_->horizontalHeader()->length() + 60), 560);
}

} // namespace coroscope
