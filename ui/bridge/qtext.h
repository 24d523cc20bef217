#pragma once

// Core text (UTF-8 std::string_view) as a QString.

#include <QString>

#include <string_view>

namespace coroscope {

inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace coroscope
