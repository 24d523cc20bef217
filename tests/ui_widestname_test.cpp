// The row labels' column is as wide as the widest name, found without measuring every name:
// whatever the names, the same width as measuring them all.

#include "timeline/timelinestyle.h"
#include "timeline/widestname.h"

#include <QFontMetricsF>

#include <gtest/gtest.h>

#include <random>

using namespace coroscope;

namespace {

double measuredWidest(const QStringList& names, const QFontMetricsF& metrics) {
    double widest = 0;
    for (const QString& name : names)
        widest = std::max(widest, metrics.horizontalAdvance(name));
    return widest;
}

TEST(WidestName, IsTheWidestNameMeasured) {
    // Narrow and wide letters, kerning pairs, spaces, a name longer in characters but
    // narrower, non-ASCII names (measured as they are) and an empty one.
    const QStringList names{"Task 1",      "iiiiiiiiiiii", "WWWWWW",     "AVAVAVA", "To Ty Te", "",
                            "fetch users", "Ünïcødé",      "数据库查询", "a\tb",    "MMMMMm"};
    for (double size : {9.0, 11.0, 14.0}) {
        for (bool bold : {false, true}) {
            const QFontMetricsF metrics(style::font(size, bold));
            EXPECT_DOUBLE_EQ(widestName(names, metrics), measuredWidest(names, metrics))
                << size << (bold ? " bold" : "");
        }
    }
}

TEST(WidestName, OfManyDrawnNames) {
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> letter(32, 126), length(1, 24);
    const QFontMetricsF metrics(style::font(11, true));
    for (int round = 0; round < 20; ++round) {
        QStringList names;
        for (int n = 0; n < 500; ++n) {
            QString name;
            for (int c = length(rng); c > 0; --c)
                name += QChar(char16_t(letter(rng)));
            names << name;
        }
        EXPECT_DOUBLE_EQ(widestName(names, metrics), measuredWidest(names, metrics)) << round;
    }
    EXPECT_EQ(widestName({}, metrics), 0);
}

} // namespace
