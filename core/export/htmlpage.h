#pragma once

// The timeline as one self-contained web page that plays like the book's animation: the card
// (title, axis, a row per task, the legend) in one <div> a page can hold as it is, its CSS and
// script inline, nothing fetched. At 1x the whole axis plays in 10 s, each segment growing from
// its start to its end, then a 400 ms pause and the run again; play/pause and a scrubber sit
// under the card, and a link ending in #t=MS opens paused at that moment.
//
// The run goes in as data (compact arrays in a JSON block the script reads), not as an element
// per segment in the markup, so the page grows by a few bytes a segment. Text from the
// scenario is HTML-escaped in the markup and written inside the script as JSON whose <, >, &
// and U+2028/2029 are escapes, so no name can end the script or run as markup.

#include "analysis/runanalysis.h"
#include "model/scenario.h"
#include "model/stepkind.h"

#include <string>
#include <string_view>

namespace coroscope {

// What the page cannot work out from the run: the colours of the card's theme and the width of
// the task names' column, as the window's card has them (its fonts measure the names).
struct HtmlLook {
    Rgb page = 0;
    Rgb card = 0;
    Rgb cardBorder = 0;
    Rgb title = 0;
    Rgb mutedText = 0; // subtitle, axis and legend labels
    Rgb rowLabel = 0;
    Rgb rule = 0; // the axis line and the legend's rule
    Rgb track = 0;
    // The shadows are black, this opaque.
    double cardShadow = 0;
    double segmentShadow = 0;
    double swatchShadow = 0;
    double rowLabelWidth = 100; // px
    bool denseRows = false;     // the short rows of many tasks
    bool operator==(const HtmlLook&) const = default;
};

// The page of a valid scenario's run (analysed by analyseRun); explain adds the stretches in
// which tasks were ready but waiting for the loop, their legend entry and the loop's lane.
std::string htmlPage(const Scenario& scenario, const RunAnalysis& run, const HtmlLook& look,
                     bool explain);

// Text as HTML element content or a quoted attribute value: &, <, >, " and ' as references.
std::string htmlEscaped(std::string_view text);

} // namespace coroscope
