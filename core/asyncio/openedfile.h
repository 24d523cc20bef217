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

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace coroscope {

struct OpenedFile {
    Scenario scenario;
    // A recording's measurement, shared by whatever draws it; null for a scenario file.
    std::shared_ptr<const MeasuredRun> measured;
    // A recording of a program that called asyncio.run several times: every run, in order (the
    // one shown is number run, from 1); null for any other file.
    std::shared_ptr<const std::vector<Recording>> runs = nullptr;
    std::size_t run = 1;

    // How many asyncio.run calls the file holds (1 for a scenario file).
    std::size_t runCount() const { return runs ? runs->size() : 1; }
};

// The file with its run n shown (1 to runCount()).
OpenedFile showingRun(const OpenedFile& file, std::size_t n);

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
