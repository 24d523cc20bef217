// Which command lines the Qt-free launcher answers itself (cli/plainprint.h): one print mode
// and one scenario file, in any order and spelling the full program's parser takes; anything
// else goes to the full program.

#include "cli/plainprint.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

using namespace coroscope;

namespace {

std::optional<PrintRequest> requestOf(std::initializer_list<const char*> arguments) {
    std::vector<const char*> argv{"coroscope"};
    argv.insert(argv.end(), arguments);
    argv.push_back(nullptr); // as main receives it
    return plainPrintRequest(int(argv.size()) - 1, argv.data());
}

} // namespace

TEST(PlainPrint, TakesOneModeAndOneFileInEverySpelling) {
    for (auto arguments :
         {std::initializer_list<const char*>{"--print-timeline", "--scenario", "a b.json"},
          {"--scenario", "a b.json", "--print-timeline"},
          {"--print-timeline", "--scenario=a b.json"},
          {"a b.json", "--print-timeline"},
          {"--print-timeline", "a b.json"}}) {
        const std::optional<PrintRequest> request = requestOf(arguments);
        ASSERT_TRUE(request);
        EXPECT_EQ(request->mode, PrintMode::Timeline);
        EXPECT_EQ(request->scenarioPath, "a b.json");
    }
    const std::optional<PrintRequest> events = requestOf({"--print-events", "--scenario=x.json"});
    ASSERT_TRUE(events);
    EXPECT_EQ(events->mode, PrintMode::LoopEvents);
    EXPECT_EQ(events->scenarioPath, "x.json");
    const std::optional<PrintRequest> figures = requestOf({"x.json", "--print-figures"});
    ASSERT_TRUE(figures);
    EXPECT_EQ(figures->mode, PrintMode::Figures);
    EXPECT_EQ(figures->scenarioPath, "x.json");
}

TEST(PlainPrint, LeavesEverythingElseToTheFullProgram) {
    for (auto arguments : {
             std::initializer_list<const char*>{},
             {"--print-timeline"}, // the built-in scenario is a Qt resource
             {"x.json"},           // the window
             {"--print-timeline", "--print-events", "x.json"},
             {"--print-timeline", "--print-timeline", "x.json"},
             {"--print-timeline", "x.json", "y.json"},
             {"--print-timeline", "--scenario", "x.json", "y.json"},
             {"--print-timeline", "--scenario=x.json", "--scenario=y.json"},
             {"--print-timeline", "--scenario"},  // a missing value
             {"--print-timeline", "--scenario="}, // an empty name
             {"--print-timeline", ""},
             {"--print-timeline", "--scenario", "-x.json"},
             {"--print-timeline", "--", "x.json"},
             {"--print-timeline", "-h", "x.json"},
             {"--print-timeline=yes", "x.json"},
             {"--print-timeline", "x.json", "--version"},
             {"--print-timeline", "x.json", "--theme", "dark"},
         })
        EXPECT_FALSE(requestOf(arguments))
            << testing::PrintToString(std::vector<std::string>(arguments.begin(), arguments.end()));
}
