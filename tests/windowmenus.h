#pragma once

// A window's menus as a user finds them: by the title in the menu bar.

#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

#include <gtest/gtest.h>

namespace coroscope::test {

// The menu titled so ("&View"), or null (and a test failure) when there is none.
inline QMenu* menuNamed(const QMainWindow& window, const QString& title) {
    for (QAction* menu : window.menuBar()->actions())
        if (menu->text() == title && menu->menu())
            return menu->menu();
    ADD_FAILURE() << "no menu " << title.toStdString();
    return nullptr;
}

} // namespace coroscope::test
