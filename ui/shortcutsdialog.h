#pragma once

// Help ▸ Keyboard Shortcuts: a table of every key and gesture, a row each (Key | Action).

#include "keyhelp.h"

#include <QDialog>

class QTableWidget;

namespace coroscope {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const KeyHelpList& rows, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

} // namespace coroscope
