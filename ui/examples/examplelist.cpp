#include "examples/examplelist.h"

#include "files/scenariofile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace coroscope {

namespace {

const QString kIndex = QStringLiteral(":/examples/index.json");

QList<Example> readIndex() {
    QFile file(kIndex);
    file.open(QIODevice::ReadOnly);
    QList<Example> examples;
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll())[u"examples"].toArray();
    for (const QJsonValue& entry : entries)
        examples.push_back(
            {entry[u"name"].toString(), entry[u"title"].toString(), entry[u"summary"].toString(),
             entry[u"description"].toString(),
             // Files are named relative to the index, so the seed can be the built-in scenario.
             QDir::cleanPath(QStringLiteral(":/examples/") + entry[u"file"].toString())});
    return examples;
}

} // namespace

const QList<Example>& builtInExamples() {
    static const QList<Example> examples = readIndex();
    return examples;
}

const Example* findExample(const QString& name) {
    const QList<Example>& examples = builtInExamples();
    const auto found = std::find_if(examples.begin(), examples.end(),
                                    [&](const Example& example) { return example.name == name; });
    return found == examples.end() ? nullptr : &*found;
}

QString exampleNames() {
    QStringList names;
    for (const Example& example : builtInExamples())
        names << example.name;
    return names.join(QStringLiteral(", "));
}

Scenario exampleScenario(const Example& example) {
    return ScenarioFile::builtIn(example.resource);
}

QString exampleListing() {
    qsizetype width = 0;
    for (const Example& example : builtInExamples())
        width = std::max(width, example.name.size());
    QString listing;
    for (const Example& example : builtInExamples())
        listing += example.name.leftJustified(width + 2) + example.summary + '\n';
    return listing;
}

} // namespace coroscope
