#pragma once

// The window's commands and the dialogs they open, as a user meets them: an action found by its
// text, a message box answered by a button's words, a file chosen in a file dialog.

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>

#include <gtest/gtest.h>

#include <functional>

namespace coroscope::test {

// The window's action with this text ("&Save"), or null.
inline QAction* actionNamed(const QWidget& window, const QString& text) {
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == text)
            return action;
    return nullptr;
}

// Runs `answer` on the message box that `ask` opens, once it shows.
inline void answerMessageBox(const std::function<void(QMessageBox*)>& answer,
                             const std::function<void()>& ask) {
    bool answered = false;
    QTimer::singleShot(0, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        answer(box);
        answered = true;
    });
    ask();
    EXPECT_TRUE(answered);
}

inline QAbstractButton* buttonNamed(QMessageBox* box, const QString& text) {
    for (QAbstractButton* button : box->buttons())
        if (button->text() == text)
            return button;
    return nullptr;
}

// Chooses path in the file dialog that opens next (once the event loop runs); *asked tells
// whether it was one that asks where to save.
inline void chooseInNextFileDialog(const QString& path, bool* asked) {
    QTimer::singleShot(0, [path, asked] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        *asked = dialog->acceptMode() == QFileDialog::AcceptSave;
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept");
    });
}

} // namespace coroscope::test
