// The web page's text: the run present as data, hostile names inert in the markup and in the
// script, no reference to anything outside the page, and a size that grows by bytes a segment.

#include "analysis/runanalysis.h"
#include "export/htmlpage.h"
#include "fanout.h"
#include "loopscript.h"
#include "scenariobuilder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

using namespace coroscope;
using namespace coroscope::test;

namespace {

std::string pageOf(const Scenario& scenario, bool explain = false, HtmlLook look = {}) {
    return htmlPage(scenario, analyseRun(scenario, {}), look, explain);
}

std::size_t count(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos;
         at = text.find(part, at + part.size()))
        ++n;
    return n;
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// The JSON block the player reads.
std::string dataOf(const std::string& page) {
    const std::string open = R"(<script type="application/json" class="cs-data">)";
    const std::size_t from = page.find(open);
    const std::size_t to = page.find("</script>", from);
    if (from == std::string::npos || to == std::string::npos)
        return {};
    return page.substr(from + open.size(), to - from - open.size());
}

} // namespace

TEST(HtmlPage, HoldsTheSeedsRunAsData) {
    Scenario seed = seedScenario();
    seed.title = "Asynchronous Task Execution";
    const std::string page = pageOf(seed);
    EXPECT_TRUE(page.starts_with("<!doctype html>"));
    EXPECT_NE(page.find("<title>Asynchronous Task Execution</title>"), std::string::npos);
    EXPECT_NE(page.find(R"(<div class="cs-title">Asynchronous Task Execution</div>)"),
              std::string::npos);
    const std::string data = dataOf(page);
    // Each task's segments as start, end, kind (cpu 0, io 1, http 2), in step order.
    EXPECT_NE(data.find(R"("lanes":[[0,150,0,150,500,1,500,600,0],)"
                        R"([150,250,0,250,370,1,370,500,0,500,800,2],[250,370,0,370,670,2]])"),
              std::string::npos)
        << data;
    EXPECT_NE(data.find(R"("end":1000,"ticks":[[0,"0ms"],[200,"200ms"],[400,"400ms"],)"
                        R"([600,"600ms"],[800,"800ms"],[1000,"1000ms"]])"),
              std::string::npos)
        << data;
    EXPECT_NE(data.find(R"("names":["Task 1","Task 2","Task 3"])"), std::string::npos);
    EXPECT_NE(data.find(R"("kinds":[["#42a5f5","#478ed1"],["#ffa726","#fb8c00"],)"
                        R"(["#ef5350","#e53935"]])"),
              std::string::npos)
        << data;
    for (const char* legend : {"Processing", "I/O Wait", "HTTP Wait"})
        EXPECT_NE(page.find(std::string("<span>") + legend + "</span>"), std::string::npos)
            << legend;
    // Unexplained: no ready stretches, no loop lane, no legend entry for them.
    EXPECT_EQ(data.find("\"ready\""), std::string::npos);
    EXPECT_EQ(data.find("\"loop\""), std::string::npos);
    EXPECT_EQ(page.find("Ready, waiting for the loop"), std::string::npos);
}

TEST(HtmlPage, ExplainedItAddsTheReadyStretchesAndTheLoopsLane) {
    const std::string page = pageOf(seedScenario(), true);
    const std::string data = dataOf(page);
    // Task 2 ready 0–150, Task 3 0–250 (the README's Explain section).
    EXPECT_NE(data.find(R"("ready":[[],[0,150],[0,250]])"), std::string::npos) << data;
    // Task 1, 2, 3, 2, 1 hold the loop, then it idles (two idle decisions).
    EXPECT_NE(data.find(R"("loop":[0,150,0,150,250,1,250,370,2,370,500,1,500,600,0,)"
                        R"(600,670,-1,670,800,-1])"),
              std::string::npos)
        << data;
    EXPECT_NE(page.find("<span>Ready, waiting for the loop</span>"), std::string::npos);
}

// Explained, a version 2 page adds a row per slot of a limited resource and per worker of the
// pool under the loop's lane, as the window's Explain does: who holds it when.
TEST(HtmlPage, ExplainedItAddsARowPerSlotAndPerWorker) {
    const std::string pool = dataOf(pageOf(test::scriptScenario("threads 2\n"
                                                                "a: thread 10\n"
                                                                "b: thread 30\n"
                                                                "c: thread 5\n"),
                                           true));
    // a and b start on the two workers; c takes the first one free, at 10 ms.
    EXPECT_NE(pool.find(R"("slots":[["worker 1",3,[0,10,0,10,15,2]],["worker 2",3,[0,30,1]]])"),
              std::string::npos)
        << pool;
    const std::string fanOut = dataOf(pageOf(test::fanOutScenario(), true));
    EXPECT_NE(fanOut.find(R"("slots":[["db slot 1",)"), std::string::npos) << fanOut;
    EXPECT_NE(fanOut.find(R"(],["db slot 2",)"), std::string::npos) << fanOut;
    EXPECT_EQ(fanOut.find("db slot 3"), std::string::npos) << "two slots";
    EXPECT_EQ(dataOf(pageOf(test::fanOutScenario())).find("\"slots\""), std::string::npos)
        << "only explained";
}

TEST(HtmlPage, TheLookGoesOnTheCardsRoot) {
    HtmlLook look;
    look.page = 0x121212;
    look.track = 0x2a2a2a;
    look.rowLabelWidth = 137.5;
    look.denseRows = true;
    const std::string page = pageOf(seedScenario(), false, look);
    EXPECT_NE(page.find(R"(<div class="coroscope-timeline cs-dense" style="--cs-page:#121212;)"),
              std::string::npos);
    EXPECT_NE(page.find("--cs-track:#2a2a2a;"), std::string::npos);
    EXPECT_NE(page.find("--cs-label:137.5px;"), std::string::npos);
    EXPECT_NE(pageOf(seedScenario()).find(R"(<div class="coroscope-timeline" style=)"),
              std::string::npos);
}

TEST(HtmlPage, HostileNamesStayTextInTheMarkupAndInTheScript) {
    Scenario scenario = seedScenario();
    scenario.title = "</title><script>alert(1)</script>";
    scenario.subtitle = "<img src=x onerror=alert(2)> & \"quoted\" 'too'";
    // A name that would end the data block, open a comment, and break a line in old scripts.
    scenario.tasks[0].name =
        "</script><script>alert(3)</script><!-- \xE2\x80\xA8\xE2\x80\xA9 \\ \"";
    const std::string page = pageOf(scenario);
    EXPECT_EQ(page.find("alert(1)</script>"), std::string::npos);
    EXPECT_EQ(page.find("<img"), std::string::npos);
    EXPECT_EQ(page.find("<!--"), std::string::npos);
    EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
    EXPECT_EQ(count(page, "<script"), 2u) << "the data block and the player, nothing more";
    EXPECT_EQ(count(page, "</script>"), 2u);
    EXPECT_NE(page.find("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"),
              std::string::npos);
    EXPECT_NE(
        page.find("&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot; &#39;too&#39;"),
        std::string::npos);
    EXPECT_NE(dataOf(page).find(R"("names":["\u003c/script\u003e\u003cscript\u003ealert(3))"
                                R"(\u003c/script\u003e\u003c!-- \u2028\u2029 \\ \"",)"),
              std::string::npos)
        << dataOf(page);
}

TEST(HtmlPage, ReferencesNothingOutsideThePage) {
    for (const bool explain : {false, true}) {
        const std::string page = lowered(pageOf(seedScenario(), explain));
        for (const char* reference : {"http:", "https:", "//", "@import", "url(", "src="})
            EXPECT_EQ(page.find(reference), std::string::npos) << reference;
    }
}

TEST(HtmlPage, GrowsByBytesASegmentNotByMarkup) {
    const auto manyTasks = [](int tasks) {
        std::vector<Task> list;
        for (int t = 0; t < tasks; ++t)
            list.push_back({"T" + std::to_string(t),
                            {{builtin::Cpu, 10 + t % 7},
                             {builtin::Io, 100 + t % 50},
                             {builtin::Cpu, 5},
                             {builtin::Http, 200 + t % 30}}});
        return makeScenario(std::move(list));
    };
    const std::string small = pageOf(manyTasks(10));
    const std::string large = pageOf(manyTasks(10'000));
    EXPECT_EQ(count(large, "<div"), count(small, "<div")) << "rows are built by the script";
    // 40,000 segments: each start, end and kind as at most 20 bytes, each name a few more.
    EXPECT_LT(large.size() - small.size(), 40'000u * 20 + 10'000u * 10);
}
