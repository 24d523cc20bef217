#pragma once

// Long work (loading a big file, exporting a big picture) reports how far it has come and
// learns whether to go on, so that the window can show a progress dialog with Cancel.

#include "model/result.h"

#include <functional>

namespace coroscope {

// Called with the fraction done, 0 to 1; returning false stops the work.
using Progress = std::function<bool(double done)>;

// What work stopped by its Progress fails with.
inline Error cancelled() {
    return Error{"cancelled", true};
}

// Asks a Progress, if there is one; false when it says stop.
inline bool goOn(const Progress& progress, double done) {
    return !progress || progress(done);
}

} // namespace coroscope
