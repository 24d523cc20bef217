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
    Result<Recording> recording = parseRecording(bytes.value(), progress);
    if (!recording)
        return failedIn(path, recording.error());
    return OpenedFile{std::move(recording.value().scenario),
                      std::make_shared<const MeasuredRun>(std::move(recording.value().measured))};
}

} // namespace coroscope
