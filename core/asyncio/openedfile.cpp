#include "asyncio/openedfile.h"

#include "asyncio/recording.h"
#include "format/filebytes.h"
#include "format/scenarioformat.h"

#include <utility>

namespace coroscope {

namespace {

// What a file holds tells a recording from a scenario file, so a file is read up to the larger
// cap; one larger than that is told both.
SizeCap eitherCap(const OpenedFileCaps& caps) {
    return {caps.recordingBytes, "a recording may be " + atMost(caps.recordingBytes) +
                                     ", a scenario file " + atMost(caps.scenarioBytes)};
}

} // namespace

Result<OpenedFile> readScenarioOrRecording(const std::string& path, const Progress& progress,
                                           const OpenedFileCaps& caps) {
    const Result<FileBytes> bytes = readFileBytes(path, progress, eitherCap(caps));
    if (!bytes)
        return bytes.error();
    if (!isChromeTrace(bytes.value())) {
        if (bytes.value().size() > caps.scenarioBytes)
            return tooLarge(path, bytes.value().size(), scenarioFileCap(caps.scenarioBytes));
        Result<Scenario> scenario = parseScenario(bytes.value(), progress);
        if (!scenario)
            return failedIn(path, scenario.error());
        return OpenedFile{std::move(scenario).value(), nullptr};
    }
    Result<std::vector<Recording>> runs = parseRecordingRuns(bytes.value(), progress);
    if (!runs)
        return failedIn(path, runs.error());
    if (runs.value().size() == 1) {
        Recording& only = runs.value().front();
        return OpenedFile{std::move(only.scenario),
                          std::make_shared<const MeasuredRun>(std::move(only.measured))};
    }
    OpenedFile file;
    file.runs = std::make_shared<const std::vector<Recording>>(std::move(runs).value());
    return showingRun(file, 1);
}

OpenedFile showingRun(const OpenedFile& file, std::size_t n) {
    if (!file.runs || n < 1 || n > file.runs->size())
        return file;
    const Recording& run = (*file.runs)[n - 1];
    return OpenedFile{run.scenario, std::make_shared<const MeasuredRun>(run.measured), file.runs,
                      n};
}

} // namespace coroscope
