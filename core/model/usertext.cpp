#include "model/usertext.h"

#include "model/utf8.h"

#include <cstdio>

namespace coroscope {

std::string shortened(std::string_view text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isUtf8Continuation(text[i]))
            continue;
        if (chars == maxChars)
            return std::string(text.substr(0, i)) + "…";
        ++chars;
    }
    return std::string(text);
}

std::string terminalSafe(std::string_view text) {
    std::string safe;
    safe.reserve(text.size());
    char escape[8];
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            safe += "\\n";
        } else if (byte == '\t') {
            safe += "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            std::snprintf(escape, sizeof escape, "\\x%02x", byte);
            safe += escape;
        } else if (byte == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            // U+0080..U+009F: C1 controls, which some terminals obey (U+009B starts a sequence).
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(text[++i]));
            safe += escape;
        } else {
            safe += static_cast<char>(byte);
        }
    }
    return safe;
}

} // namespace coroscope
