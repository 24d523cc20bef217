#pragma once

// What the program opens where it takes a scenario (File ▸ Open, the command line's FILE or
// --scenario): a scenario file, or a recording of a run under real asyncio, whose scenario is
// derived from it and whose measured run comes along.

#include "asyncio/measuredrun.h"
#include "asyncio/recording.h"
#include "format/filebytes.h"
#include "model/progress.h"
#include "model/result.h"
#include "model/scenario.h"

#include <cstdint>
#include <memory>
#include <string>

namespace coroscope {

struct OpenedFile {
    Scenario scenario;
    // A recording's measurement, shared by whatever draws it; null for a scenario file.
    std::shared_ptr<const MeasuredRun> measured;
};

// The caps a file is held to, by its kind (tests make them small).
struct OpenedFileCaps {
    std::uint64_t scenarioBytes = kMaxFileBytes;
    std::uint64_t recordingBytes = kMaxRecordingBytes;
};

// Reads a scenario file or a recording (a JSON object with "traceEvents": see isChromeTrace);
// messages start with "<path>: ", as readScenarioFile's do (a file that is neither gets the
// scenario's message). A recording may be larger than a scenario file (kMaxRecordingBytes): a
// file is read up to that cap, and refused as too large for a scenario file once its bytes
// show it is not a recording.
// progress hears reading and parsing as readScenarioFile's does, and can stop either.
Result<OpenedFile> readScenarioOrRecording(const std::string& path, const Progress& progress = {},
                                           const OpenedFileCaps& caps = {});

} // namespace coroscope
