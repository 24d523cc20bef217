#include "timeline.h"

#include <algorithm>
#include <ostream>
#include <utility>

namespace coroscope {

bool startsBefore(const Segment& a, const Segment& b) {
    if (a.start != b.start)
        return a.start < b.start;
    if (a.task != b.task)
        return a.task < b.task;
    return a.step < b.step;
}

Timeline TimelineRecorder::take() {
    auto& segments = timeline_.segments;
    for (auto run = segments.begin(); run != segments.end();) {
        const auto runEnd = std::find_if(run, segments.end(),
                                         [&](const Segment& s) { return s.start != run->start; });
        std::sort(run, runEnd, startsBefore);
        run = runEnd;
    }
    return std::exchange(timeline_, {});
}

Timeline simulate(const Scenario& scenario) {
    TimelineRecorder recorder;
    playToEnd(scenario, recorder);
    return recorder.take();
}

std::string csvField(const std::string& text) {
    const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return c == ',' || c == '"' || byte < 0x20 || byte == 0x7F;
    });
    if (plain)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void writeTimelineCsv(std::ostream& out, const Scenario& scenario, const Timeline& timeline) {
    out << "task,kind,start_ms,end_ms\n";
    for (const Segment& s : timeline.segments) {
        out << csvField(scenario.tasks[s.task].name) << ',' << kindName(s.kind) << ',' << s.start
            << ',' << s.end << '\n';
    }
}

} // namespace coroscope
