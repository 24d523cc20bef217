// libFuzzer target for the scenario format: any input either loads as a valid scenario that
// saves and loads back the same, or is refused with a message. Build with clang and
// -DCOROSCOPE_FUZZ=ON (see the README).

#include "format/scenarioformat.h"
#include "model/scenariorules.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace coroscope;
    const Result<Scenario> result =
        parseScenario(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!result) {
        if (result.error().message.empty())
            std::abort(); // refused without saying why
        return 0;
    }
    if (!validateScenario(result.value()))
        std::abort(); // loaded but breaks a rule
    const Result<Scenario> again = parseScenario(serializeScenario(result.value()));
    if (!again || !(again.value() == result.value()))
        std::abort(); // what loads must save and load back the same
    return 0;
}
