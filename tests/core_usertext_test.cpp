// Text from files inside messages: shortened at character boundaries, inert on a terminal.

#include "model/usertext.h"

#include <gtest/gtest.h>

using namespace coroscope;

TEST(UserText, ShortTextStaysAsItIs) {
    EXPECT_EQ(shortened("Task 1"), "Task 1");
    EXPECT_EQ(shortened(std::string(60, 'x')), std::string(60, 'x'));
    EXPECT_EQ(shortened(""), "");
}

TEST(UserText, LongTextIsCutAtACharacterBoundary) {
    EXPECT_EQ(shortened(std::string(61, 'x')), std::string(60, 'x') + "…");
    std::string euros;
    for (int i = 0; i < 70; ++i)
        euros += "€";
    std::string sixty;
    for (int i = 0; i < 60; ++i)
        sixty += "€";
    EXPECT_EQ(shortened(euros), sixty + "…");
    EXPECT_EQ(shortened("abcdef", 3), "abc…");
}

TEST(UserText, ControlCharactersBecomeVisibleEscapes) {
    EXPECT_EQ(terminalSafe("plain – text €"), "plain – text €");
    EXPECT_EQ(terminalSafe("a\nb\tc"), "a\\nb\\tc");
    EXPECT_EQ(terminalSafe("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");
    EXPECT_EQ(terminalSafe("del\x7f"), "del\\x7f");
    EXPECT_EQ(terminalSafe("csi\xc2\x9b"
                           "2J"),
              "csi\\u009b2J");
    // Not UTF-8: passed as it is (only control characters are rewritten).
    EXPECT_EQ(terminalSafe("\xff\xfe"), "\xff\xfe");
}
