// libFuzzer target for the scenario loader: any input either loads as a valid scenario or is
// refused with a message. Build with clang and -DCOROSCOPE_FUZZ=ON (see the README).

#include "files/scenariofile.h"
#include "scenariorules.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const coroscope::ScenarioFile::ReadResult result = coroscope::ScenarioFile::parse(bytes);
    if (result.ok() == !result.error.isEmpty())
        std::abort(); // exactly one of: a scenario, a message
    if (result.ok()) {
        if (!coroscope::validateScenario(result.scenario))
            std::abort(); // loaded but breaks a rule
        // What loads must save and load back the same.
        if (!(coroscope::ScenarioFile::parse(coroscope::ScenarioFile::serialize(result.scenario))
                  .scenario == result.scenario))
            std::abort();
    }
    return 0;
}
