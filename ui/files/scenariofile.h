#pragma once

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

    struct ReadResult {
        Scenario scenario;
        QString error; // empty on success
        bool ok() const { return error.isEmpty(); }
    };

    // Parses file contents; messages name "line L, column C" or "task T, step S".
    static ReadResult parse(const QByteArray& json);
    // Reads a file; messages start with the path.
    static ReadResult read(const QString& path);
    // The seed's three tasks, from the program's resources.
    static Scenario builtInDefault();

    static QByteArray serialize(const Scenario& scenario);
    // Writes atomically (temporary file renamed over the target). On failure the target
    // is untouched and *error says why.
    static bool write(const Scenario& scenario, const QString& path, QString* error);
};

} // namespace coroscope
