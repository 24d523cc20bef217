#pragma once

// Message boxes for text that quotes files (names, titles, paths, error messages): shown as
// plain text, so markup in a task name is never rendered as a headline, a link or an image.

#include <QList>
#include <QMessageBox>

#include <utility>

namespace coroscope {

// Words for standard buttons that say what they do ("Delete it" rather than "Discard").
using ButtonTexts = QList<std::pair<QMessageBox::StandardButton, QString>>;

QMessageBox::StandardButton
showPlainMessage(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                 QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                 QMessageBox::StandardButton defaultButton = QMessageBox::NoButton,
                 const ButtonTexts& buttonTexts = {});

} // namespace coroscope
