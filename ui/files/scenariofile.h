#pragma once

// Scenario files from the window's side: paths as Qt holds them, and the built-in scenario
// compiled into the program. The format itself (parsing, messages, writing) is core's
// scenarioformat.h; writes go through core's AtomicFile.

#include "asyncio/openedfile.h"
#include "model/progress.h"
#include "model/result.h"
#include "model/scenario.h"

#include <QString>

namespace coroscope {

class ScenarioFile {
public:
    // Reads a file; messages start with the path. progress hears reading and parsing (see
    // readScenarioFile) and may stop them: the read then fails as cancelled(). Callable from any
    // thread.
    static Result<Scenario> read(const QString& path, const Progress& progress = {});
    // Reads a scenario file or a recording of a run (see readScenarioOrRecording), as read()
    // reads a scenario file: what File ▸ Open and the command line take.
    static Result<OpenedFile> open(const QString& path, const Progress& progress = {});
    // The seed's three tasks, from the program's resources.
    static Scenario builtInDefault();
    // A scenario among the program's resources (":/examples/…"), as builtInDefault reads it.
    static Scenario builtIn(const QString& resourcePath);
    // Writes atomically: on failure the target is untouched and the error says why.
    static Result<void> write(const Scenario& scenario, const QString& path);
};

} // namespace coroscope
