#include "typingkeepskeys.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QLineEdit>

namespace coroscope {

namespace {

bool isTyping(const QWidget* widget) {
    if (qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget))
        return true;
    // An item editor lives in its view's viewport.
    const QWidget* viewport = widget->parentWidget();
    const auto* view =
        viewport ? qobject_cast<const QAbstractItemView*>(viewport->parentWidget()) : nullptr;
    return view && view->viewport() == viewport;
}

} // namespace

bool TypingKeepsKeys::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const Qt::KeyboardModifiers typed = Qt::ShiftModifier | Qt::KeypadModifier;
    if (key->text().isEmpty() || (key->modifiers() & ~typed) ||
        !isTyping(static_cast<QWidget*>(watched)))
        return false;
    event->accept(); // the widget gets the key press, no shortcut fires
    return true;
}

} // namespace coroscope
