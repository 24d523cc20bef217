#pragma once

// Core text (UTF-8 std::string_view) as a QString, and core Errors in Qt's terms.

#include "model/result.h"

#include <QString>
#include <QTextDocument>

#include <string_view>

namespace coroscope {

inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline QString toQString(const Error& error) {
    return toQString(error.message);
}

// Text for a tooltip, shown as typed: Qt shows tooltip text that looks like HTML as rich text,
// so text such as a task named "<b>x</b>" is escaped; plain text stays as it always looked.
inline QString plainToolTip(const QString& text) {
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpacePre) : text;
}

// core's fail() for Qt text: "place: why".
inline Error fail(const QString& place, const QString& why) {
    return fail(std::string_view(place.toStdString()), std::string_view(why.toStdString()));
}

} // namespace coroscope
