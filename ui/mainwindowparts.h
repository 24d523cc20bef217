#pragma once

// Private to the files of MainWindow (mainwindow*.cpp): what more than one of them uses.

#include <QString>

namespace coroscope {

// Where View ▸ Theme's choice is remembered.
inline const QString kThemeKey = QStringLiteral("view/theme");

// "1 task", "2 tasks": without a translator, tr()'s %n plurals would print "task(s)".
inline QString counted(qulonglong n, const QString& one, const QString& many) {
    return (n == 1 ? one : many).arg(n);
}

} // namespace coroscope
