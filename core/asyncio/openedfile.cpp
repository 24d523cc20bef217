#include "asyncio/openedfile.h"

#include "asyncio/recording.h"
#include "format/filebytes.h"
#include "format/scenarioformat.h"

#include <utility>

namespace coroscope {

Result<OpenedFile> readScenarioOrRecording(const std::string& path, const Progress& progress) {
    const Result<FileBytes> bytes = readFileBytes(path, progress);
    if (!bytes)
        return bytes.error();
    if (!isChromeTrace(bytes.value())) {
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
