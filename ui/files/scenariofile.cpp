#include "files/scenariofile.h"

#include "files/atomicdevice.h"
#include "format/atomicfile.h"
#include "format/scenarioformat.h"

#include <QFile>

namespace coroscope {

Result<Scenario> ScenarioFile::read(const QString& path, const Progress& progress) {
    return readScenarioFile(nativePath(path), progress);
}

Result<OpenedFile> ScenarioFile::open(const QString& path, const Progress& progress) {
    return readScenarioOrRecording(nativePath(path), progress);
}

Scenario ScenarioFile::builtInDefault() {
    return builtIn(QStringLiteral(":/scenarios/default.json"));
}

Scenario ScenarioFile::builtIn(const QString& resourcePath) {
    // The resource ships with the program and is covered by tests, so it always parses.
    QFile resource(resourcePath);
    resource.open(QIODevice::ReadOnly);
    const QByteArray json = resource.readAll();
    return parseScenario({json.constData(), std::size_t(json.size())}).value();
}

Result<void> ScenarioFile::write(const Scenario& scenario, const QString& path) {
    return writeFileAtomically(nativePath(path), serializeScenario(scenario));
}

} // namespace coroscope
