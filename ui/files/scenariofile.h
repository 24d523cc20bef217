#pragma once

#include "result.h"
#include "scenario.h"

#include <QByteArray>
#include <QString>

namespace coroscope {

// The versioned JSON scenario format (see the README). Reading never half-loads: the
// result holds either a valid scenario or one message naming the place and the rule.
class ScenarioFile {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

    // Parses file contents; messages name "line L, column C" or "task T, step S".
    static Result<Scenario> parse(const QByteArray& json);
    // Reads a file; messages start with the path.
    static Result<Scenario> read(const QString& path);
    // The seed's three tasks, from the program's resources.
    static Scenario builtInDefault();

    static QByteArray serialize(const Scenario& scenario);
    // Writes atomically (temporary file renamed over the target). On failure the target
    // is untouched and the error says why.
    static Result<void> write(const Scenario& scenario, const QString& path);
};

} // namespace coroscope
