#pragma once

// A key or gesture that a widget handles itself (not through an action), as Help ▸ Keyboard
// Shortcuts lists it. Each such widget lists its own next to its key handling, so that the
// table says what the code does.

#include <QKeySequence>
#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace coroscope {

struct KeyHelp {
    QString key;    // "PageDown", "Ctrl+Wheel"
    QString action; // what it does, and where when that matters
};

using KeyHelpList = QList<KeyHelp>;

// Keys named as Qt names an action's shortcut, so that both kinds of row read alike
// ("PgUp / PgDown").
inline QString keyNames(std::initializer_list<QKeySequence> keys) {
    QStringList names;
    for (const QKeySequence& key : keys)
        names << key.toString(QKeySequence::NativeText);
    return names.join(QStringLiteral(" / "));
}

} // namespace coroscope
