// libFuzzer target for recordings of a run: any input either loads as a recording whose derived
// scenario keeps every rule and whose measurement has a segment per step, or is refused with a
// message. Built beside scenario_fuzzer; its corpus starts from tests/recordings.

#include "asyncio/recording.h"
#include "model/scenariorules.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coroscope;
    const Result<Recording> result =
        parseRecording(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!result) {
        if (result.error().message.empty())
            std::abort(); // refused without saying why
        return 0;
    }
    const Recording& recording = result.value();
    if (!validateScenario(recording.scenario))
        std::abort(); // loaded but breaks a rule
    if (recording.measured.tasks() != recording.scenario.tasks.size())
        std::abort();
    for (std::size_t t = 0; t < recording.scenario.tasks.size(); ++t) {
        const auto lane = recording.measured.lane(t);
        if (lane.size() != recording.scenario.tasks[t].steps.size())
            std::abort(); // a step without its measurement, or the other way round
        for (const MeasuredSegment& s : lane)
            if (!std::isfinite(s.start) || !(s.start <= s.end) || !std::isfinite(s.resumed))
                std::abort();
    }
    return 0;
}
