#include "export/chrometrace.h"

#include "bridge/qtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coroscope {

namespace {

constexpr int kPid = 1;

QJsonObject metadata(const char* name, qint64 tid, const QJsonObject& args) {
    QJsonObject event{{"name", name}, {"ph", "M"}, {"pid", kPid}, {"args", args}};
    if (tid > 0)
        event.insert("tid", tid);
    return event;
}

} // namespace

QByteArray chromeTrace(const Scenario& scenario, const Timeline& timeline) {
    QJsonArray events;
    events.append(metadata("process_name", 0, {{"name", QString::fromStdString(scenario.title)}}));
    for (std::size_t t = 0; t < scenario.tasks.size(); ++t) {
        const qint64 tid = qint64(t) + 1;
        events.append(metadata("thread_name", tid,
                               {{"name", QString::fromStdString(scenario.tasks[t].name)}}));
        // Keep the scenario's order, whatever the names.
        events.append(metadata("thread_sort_index", tid, {{"sort_index", tid}}));
    }
    for (const Segment& s : timeline.segments) {
        events.append(QJsonObject{
            {"name", toQString(scenario.kinds[s.kind].label)},
            {"cat", toQString(scenario.kinds[s.kind].name)},
            {"ph", "X"},
            {"pid", kPid},
            {"tid", qint64(s.task) + 1},
            {"ts", double(s.start) * 1000},
            {"dur", double(s.duration()) * 1000},
            {"args", QJsonObject{{"step", qint64(s.step) + 1}}},
        });
    }
    const QJsonObject trace{{"traceEvents", events}, {"displayTimeUnit", "ms"}};
    return QJsonDocument(trace).toJson(QJsonDocument::Compact);
}

} // namespace coroscope
