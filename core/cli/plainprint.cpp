#include "cli/plainprint.h"

#include "asyncio/openedfile.h"
#include "cli/exitstatus.h"
#include "cli/figuresjson.h"
#include "loop/figures.h"
#include "loop/timeline.h"
#include "model/hugeheap.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string_view>

#include <unistd.h>

namespace coroscope {

namespace {

// A file name that the full program's parser reads as this same name: not empty (its own
// message), not an option or "--".
bool plainFileName(std::string_view argument) {
    return !argument.empty() && argument.front() != '-';
}

} // namespace

std::optional<PrintRequest> plainPrintRequest(int argc, const char* const argv[]) {
    std::optional<PrintMode> mode;
    std::optional<std::string> path;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        std::optional<PrintMode> named;
        if (argument == "--print-timeline")
            named = PrintMode::Timeline;
        else if (argument == "--print-events")
            named = PrintMode::LoopEvents;
        else if (argument == "--print-figures")
            named = PrintMode::Figures;
        std::optional<std::string_view> file;
        if (named) {
            if (mode) // two modes: a usage error
                return std::nullopt;
            mode = named;
            continue;
        }
        if (argument == "--scenario" && i + 1 < argc)
            file = argv[++i];
        else if (argument.starts_with("--scenario="))
            file = argument.substr(std::string_view("--scenario=").size());
        else if (plainFileName(argument))
            file = argument;
        if (!file || !plainFileName(*file) || path) // anything else, or a second file
            return std::nullopt;
        path = std::string(*file);
    }
    if (!mode || !path)
        return std::nullopt;
    return PrintRequest{*mode, std::move(*path)};
}

int printToStandardOutput(PrintMode mode, const Scenario& scenario) {
    // The prints write while the scenario runs, in large chunks, and keep no schedule. A
    // terminal would obey an escape sequence in a name: there, names show it escaped.
    const CsvNames names = ::isatty(STDOUT_FILENO) ? CsvNames::Escaped : CsvNames::Exact;
    switch (mode) {
    case PrintMode::Timeline:
        printTimelineCsv(std::cout, scenario, names);
        break;
    case PrintMode::LoopEvents:
        printLoopEventsCsv(std::cout, scenario, names);
        break;
    case PrintMode::Figures:
        std::cout << figuresJson(simulateFigures(scenario)) << '\n';
        break;
    }
    return finishOutput();
}

std::optional<int> runPlainPrint(const PrintRequest& request) {
    // The file, its steps, the parser's index and the run take some 6 bytes of fresh memory per
    // byte of the file (14.6 MB at its peak for a file of 2.7 MB): in huge pages, a print of
    // 10,000 tasks has 700 page faults instead of 2,600 (hugeheap.h).
    std::error_code unknown; // a pipe, say: ordinary pages
    const std::uintmax_t size = std::filesystem::file_size(request.scenarioPath, unknown);
    if (!unknown)
        growHeapInHugePages(std::size_t(std::min<std::uintmax_t>(size, SIZE_MAX / 8) * 8));
    Result<OpenedFile> loaded = readScenarioOrRecording(request.scenarioPath);
    if (!loaded)
        return std::nullopt;
    return printToStandardOutput(request.mode, loaded.value().scenario);
}

} // namespace coroscope
