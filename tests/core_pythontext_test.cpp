// User text in generated Python: literals that hold exactly the text, comments that show it on
// one line, whatever the text holds.

#include "asyncio/pythontext.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

using namespace coroscope;

namespace {

struct Case {
    const char* name; // of the test case
    std::string text;
    std::string literal;
    std::string comment;
};

void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

class PythonText : public ::testing::TestWithParam<Case> {};

TEST_P(PythonText, EscapesWhatAReaderCouldNotSeeOrPythonWouldEndTheLineAt) {
    EXPECT_EQ(pythonStringLiteral(GetParam().text), GetParam().literal);
    EXPECT_EQ(pythonCommentText(GetParam().text), GetParam().comment);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PythonText,
    ::testing::Values(
        Case{"Plain", "Task 1", R"("Task 1")", "Task 1"}, Case{"Empty", "", R"("")", ""},
        Case{"Quotes", R"(say "hi" it's)", R"("say \"hi\" it's")", R"(say "hi" it's)"},
        Case{"TripleQuotes", R"(""")", R"("\"\"\"")", R"(""")"},
        Case{"Backslashes", R"(a\n\)", R"("a\\n\\")", R"(a\\n\\)"},
        Case{"LineBreaks", "a\nb\r\nc", R"("a\nb\r\nc")", R"(a\nb\r\nc)"},
        Case{"Tab", "a\tb", R"("a\tb")", R"(a\tb)"},
        Case{"OtherControls", std::string("\0\x1b[2J\x7f", 6), R"("\x00\x1b[2J\x7f")",
             R"(\x00\x1b[2J\x7f)"},
        Case{"C1Control", "a\u0085b", R"("a\x85b")", R"(a\x85b)"},
        Case{"LineSeparators", "a\u2028b\u2029c", R"("a\u2028b\u2029c")", R"(a\u2028b\u2029c)"},
        Case{"BidiOverride", "abc\u202Efed", R"("abc\u202efed")", R"(abc\u202efed)"},
        Case{"ZeroWidth", "a\u200Bb\uFEFF", R"("a\u200bb\ufeff")", R"(a\u200bb\ufeff)"},
        Case{"SpacesOtherThanTheSpace", "a\u00A0b\u2007c\u3000d e", R"("a\xa0b\u2007c\u3000d e")",
             R"(a\xa0b\u2007c\u3000d e)"},
        Case{"FormatCharacters", "\u00AD\u0600\u2066x\u2069\u2064",
             R"("\xad\u0600\u2066x\u2069\u2064")", R"(\xad\u0600\u2066x\u2069\u2064)"},
        Case{"TagCharacters", "flag\U000E0067\U000E0062\U000E007F",
             R"("flag\U000e0067\U000e0062\U000e007f")", R"(flag\U000e0067\U000e0062\U000e007f)"},
        Case{"MusicalSymbolFormatting", "a\U0001D173b\U0001D17A", R"("a\U0001d173b\U0001d17a")",
             R"(a\U0001d173b\U0001d17a)"},
        Case{"PrivateUseAndNoncharacters", "\uE000\uFDD0\uFFFF\U0001FFFE\U0010FFFD",
             R"("\ue000\ufdd0\uffff\U0001fffe\U0010fffd")",
             R"(\ue000\ufdd0\uffff\U0001fffe\U0010fffd)"},
        Case{"UnassignedPlanes", "\U00040000\U000E01F0", R"("\U00040000\U000e01f0")",
             R"(\U00040000\U000e01f0)"},
        Case{"UnicodeAsItIs", "Tâche 💥 日本", R"("Tâche 💥 日本")", "Tâche 💥 日本"},
        Case{"CombiningAndVariationSelectorsAsTheyAre", "e\u0301 \u2764\uFE0F \u845B\U000E0100",
             "\"e\u0301 \u2764\uFE0F \u845B\U000E0100\"", "e\u0301 \u2764\uFE0F \u845B\U000E0100"},
        Case{"NotUtf8", "a\xff\xc3", "\"a\uFFFD\uFFFD\"", "a\uFFFD\uFFFD"},
        Case{"EncodedSurrogate", "\xed\xa0\x80", "\"\uFFFD\uFFFD\uFFFD\"", "\uFFFD\uFFFD\uFFFD"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

} // namespace
