#include "plainmessage.h"

#include <QAbstractButton>

namespace coroscope {

QMessageBox::StandardButton showPlainMessage(QWidget* parent, QMessageBox::Icon icon,
                                             const QString& title, const QString& text,
                                             QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton,
                                             const ButtonTexts& buttonTexts) {
    QMessageBox box(icon, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText); // the default, Qt::AutoText, renders what looks like HTML
    box.setDefaultButton(defaultButton);
    for (const auto& [button, buttonText] : buttonTexts)
        if (QAbstractButton* shown = box.button(button))
            shown->setText(buttonText);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace coroscope
