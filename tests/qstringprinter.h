#pragma once

// GoogleTest prints QStrings as text, not as arrays of UTF-16 units.

#include <QString>

#include <ostream>

inline void PrintTo(const QString& text, std::ostream* os) {
    *os << '"' << text.toStdString() << '"';
}
