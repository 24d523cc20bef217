#include "files/scenariofile.h"

#include "bridge/qtext.h"
#include "files/atomicfile.h"
#include "scenariorules.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace coroscope {

namespace {

const QString kFormatName = QStringLiteral("coroscope-scenario");

// Thrown inside parsing only; turned into ReadResult::error at the boundary.
struct Refusal {
    QString message;
};

[[noreturn]] void refuse(const QString& place, const QString& rule) {
    throw Refusal{place + QStringLiteral(": ") + rule};
}

QString placeOf(const Scenario& partial, std::size_t task, std::size_t step) {
    return QString::fromStdString(describePlace(partial, task, step));
}

void requireOnlyKeys(const QJsonObject& object, const QStringList& allowed, const QString& place) {
    for (const QString& key : object.keys()) {
        if (!allowed.contains(key))
            refuse(place, QStringLiteral("unknown key \"%1\" (allowed: %2)")
                              .arg(key, allowed.join(QStringLiteral(", "))));
    }
}

QString requireString(const QJsonObject& object, const QString& key, const QString& place,
                      bool required) {
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return {};
    if (!value.isString())
        refuse(place, QStringLiteral("\"%1\" must be a string").arg(key));
    return value.toString();
}

QJsonArray requireArray(const QJsonObject& object, const QString& key, const QString& place) {
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        refuse(place, QStringLiteral("\"%1\" must be an array").arg(key));
    return value.toArray();
}

// (line, column), both 1-based, of a byte offset.
std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype offset) {
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

Step parseStep(const Scenario& partial, std::size_t t, std::size_t s, const QJsonValue& value) {
    const QString place = placeOf(partial, t, s);
    if (!value.isObject())
        refuse(place,
               QStringLiteral("a step must be an object like {\"kind\": \"cpu\", \"ms\": 100}"));
    const QJsonObject object = value.toObject();
    requireOnlyKeys(object, {QStringLiteral("kind"), QStringLiteral("ms")}, place);

    const QString kindText = requireString(object, QStringLiteral("kind"), place, true);
    const auto kind = kindFromName(kindText.toStdString());
    if (!kind)
        refuse(place, QStringLiteral("unknown kind \"%1\" (use cpu, io or http)").arg(kindText));

    const QJsonValue ms = object.value(QStringLiteral("ms"));
    if (!ms.isDouble())
        refuse(place, QStringLiteral("\"ms\" must be a number of milliseconds"));
    const double value_ = ms.toDouble();
    if (auto rule = checkDuration(place.toStdString(), value_); !rule)
        throw Refusal{QString::fromStdString(rule.error().message)};
    return {*kind, static_cast<std::int64_t>(value_)};
}

Scenario parseScenario(const QJsonObject& root) {
    const QString top = QStringLiteral("scenario");
    requireOnlyKeys(root,
                    {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
                     QStringLiteral("subtitle"), QStringLiteral("tasks")},
                    top);
    if (root.value(QStringLiteral("format")).toString() != kFormatName)
        refuse(top, QStringLiteral("\"format\" must be \"%1\" (this is not a Coroscope scenario)")
                        .arg(kFormatName));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) ||
        version.toDouble() < 1)
        refuse(top, QStringLiteral("\"version\" must be a whole number from 1"));
    if (version.toDouble() > ScenarioFile::kFormatVersion)
        refuse(top, QStringLiteral("version %1 is newer than this Coroscope reads (up to %2)")
                        .arg(version.toDouble())
                        .arg(ScenarioFile::kFormatVersion));

    Scenario scenario;
    scenario.title = requireString(root, QStringLiteral("title"), top, false).toStdString();
    scenario.subtitle = requireString(root, QStringLiteral("subtitle"), top, false).toStdString();
    const QJsonArray tasks = requireArray(root, QStringLiteral("tasks"), top);
    if (auto rule = checkTaskCount(top.toStdString(), std::size_t(tasks.size())); !rule)
        throw Refusal{QString::fromStdString(rule.error().message)};
    scenario.tasks.reserve(std::size_t(tasks.size()));
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const std::size_t t = std::size_t(i) + 1;
        if (!tasks[i].isObject())
            refuse(placeOf(scenario, t, 0),
                   QStringLiteral("a task must be an object with \"name\" and \"steps\""));
        const QJsonObject object = tasks[i].toObject();
        scenario.tasks.push_back({});
        Task& task = scenario.tasks.back();
        task.name = requireString(object, QStringLiteral("name"), placeOf(scenario, t, 0), true)
                        .toStdString();
        const QString place = placeOf(scenario, t, 0);
        requireOnlyKeys(object, {QStringLiteral("name"), QStringLiteral("steps")}, place);
        const QJsonArray steps = requireArray(object, QStringLiteral("steps"), place);
        if (auto rule = checkStepCount(place.toStdString(), std::size_t(steps.size())); !rule)
            throw Refusal{QString::fromStdString(rule.error().message)};
        task.steps.reserve(std::size_t(steps.size()));
        for (qsizetype j = 0; j < steps.size(); ++j)
            task.steps.push_back(parseStep(scenario, t, std::size_t(j) + 1, steps[j]));
    }
    if (auto valid = validateScenario(scenario); !valid)
        throw Refusal{QString::fromStdString(valid.error().message)};
    return scenario;
}

// A JSON string literal with JSON's escapes.
QByteArray jsonString(const std::string& text) {
    const QByteArray array =
        QJsonDocument(QJsonArray{QString::fromStdString(text)}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

Result<Scenario> ScenarioFile::parse(const QByteArray& json) {
    if (json.trimmed().isEmpty())
        return Error{"line 1, column 1: the file is empty"};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return Error{QStringLiteral("line %1, column %2: %3 (not valid JSON)")
                         .arg(line)
                         .arg(column)
                         .arg(parseError.errorString())
                         .toStdString()};
    }
    if (!document.isObject())
        return Error{"scenario: the top level must be a JSON object"};
    try {
        return parseScenario(document.object());
    } catch (const Refusal& refusal) {
        return Error{refusal.message.toStdString()};
    }
}

Result<Scenario> ScenarioFile::read(const QString& path) {
    const QFileInfo info(path);
    auto failure = [&](const QString& why) { return fail(path, why); };
    if (!info.exists())
        return failure(QStringLiteral("no such file"));
    if (info.isDir())
        return failure(QStringLiteral("is a directory, not a scenario file"));
    if (info.size() > kMaxFileBytes)
        return failure(QStringLiteral("is %1 MiB; a scenario file may be at most %2 MiB")
                           .arg(info.size() / (1024 * 1024))
                           .arg(kMaxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot be read (%1)").arg(file.errorString()));
    const QByteArray contents = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot be read (%1)").arg(file.errorString()));
    if (contents.size() > kMaxFileBytes)
        return failure(QStringLiteral("is larger than the %1 MiB a scenario file may be")
                           .arg(kMaxFileBytes / (1024 * 1024)));
    Result<Scenario> result = parse(contents);
    if (!result)
        return fail(path, toQString(result.error()));
    return result;
}

Scenario ScenarioFile::builtInDefault() {
    // The resource ships with the program and is covered by tests, so it always parses.
    return read(QStringLiteral(":/scenarios/default.json")).value();
}

QByteArray ScenarioFile::serialize(const Scenario& scenario) {
    QByteArray out;
    out += "{\n    \"format\": " + jsonString(kFormatName.toStdString()) + ",\n";
    out += "    \"version\": " + QByteArray::number(kFormatVersion) + ",\n";
    out += "    \"title\": " + jsonString(scenario.title) + ",\n";
    out += "    \"subtitle\": " + jsonString(scenario.subtitle) + ",\n";
    out += "    \"tasks\": [";
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const Task& task = scenario.tasks[t];
        out += t == 0 ? "\n" : ",\n";
        out += "        {\n            \"name\": " + jsonString(task.name) + ",\n";
        out += "            \"steps\": [";
        for (std::size_t s = 0; s < task.steps.size(); ++s) {
            out += s == 0 ? "\n" : ",\n";
            out += "                { \"kind\": " +
                   jsonString(std::string(kindName(task.steps[s].kind))) +
                   ", \"ms\": " + QByteArray::number(qint64(task.steps[s].ms)) + " }";
        }
        out += "\n            ]\n        }";
    }
    out += "\n    ]\n}\n";
    return out;
}

Result<void> ScenarioFile::write(const Scenario& scenario, const QString& path) {
    if (QFileInfo(path).isDir())
        return fail(path, QStringLiteral("cannot be written (it is a directory)"));
    return writeAtomically(path, serialize(scenario));
}

} // namespace coroscope
