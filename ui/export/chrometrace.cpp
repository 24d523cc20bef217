#include "export/chrometrace.h"

#include "bridge/qtext.h"
#include "view/flowarrows.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace coroscope {

namespace {

constexpr int kPid = 1;
// Events are gathered into pieces this big before they are written: few system calls, and
// memory that does not grow with the run.
constexpr qsizetype kPieceBytes = 1 << 20;

QJsonObject metadata(const char* name, qint64 tid, const QJsonObject& args) {
    QJsonObject event{{"name", name}, {"ph", "M"}, {"pid", kPid}, {"args", args}};
    if (tid > 0)
        event.insert("tid", tid);
    return event;
}

// The document is {"displayTimeUnit":"ms","traceEvents":[...]} (QJsonObject's keys sorted, as
// the whole document written at once had them); each event is one compact JSON object.
class TraceWriter {
public:
    explicit TraceWriter(QIODevice& device)
        : device_(device) {
        piece_ = R"({"displayTimeUnit":"ms","traceEvents":[)";
    }

    bool add(const QJsonObject& event) {
        if (!first_)
            piece_ += ',';
        first_ = false;
        piece_ += QJsonDocument(event).toJson(QJsonDocument::Compact);
        return piece_.size() < kPieceBytes || flush();
    }
    bool finish() {
        piece_ += "]}";
        return flush();
    }

private:
    bool flush() {
        const bool written = device_.write(piece_) == piece_.size();
        piece_.clear();
        return written;
    }

    QIODevice& device_;
    QByteArray piece_;
    bool first_ = true;
};

// A segment's category: its kind's name ("cpu", "db", "thread", "join"), and for the time it
// queued for a slot or a free worker the CSV's "db-slot", "thread-slot".
QString category(const KindTable& kinds, const Segment& s) {
    const QString name = toQString(kinds[s.kind].name);
    return s.queued ? name + QStringLiteral("-slot") : name;
}

QString eventName(const KindTable& kinds, const Segment& s) {
    const QString label = toQString(kinds[s.kind].label);
    return s.queued ? label + QStringLiteral(": queued") : label;
}

// An arrow as a flow event pair sharing its id: "s" on the task it leaves, "f" on the task it
// reaches, bound ("bp":"e") to the segment under its end, as the window's arrows point.
bool addFlow(TraceWriter& trace, const KindTable& kinds, const FlowArrow& arrow, qint64 id) {
    const KindBehaviour behaviour =
        arrow.kind == FlowArrow::Kind::Spawn ? KindBehaviour::Spawn : KindBehaviour::Join;
    const QString name = toQString(kinds[*kinds.find(behaviour)].name);
    return trace.add(QJsonObject{{"name", name},
                                 {"cat", name},
                                 {"ph", "s"},
                                 {"id", id},
                                 {"pid", kPid},
                                 {"tid", qint64(arrow.fromTask) + 1},
                                 {"ts", double(arrow.fromMs) * 1000}}) &&
           trace.add(QJsonObject{{"name", name},
                                 {"cat", name},
                                 {"ph", "f"},
                                 {"bp", "e"},
                                 {"id", id},
                                 {"pid", kPid},
                                 {"tid", qint64(arrow.toTask) + 1},
                                 {"ts", double(arrow.toMs) * 1000}});
}

} // namespace

Result<void> writeChromeTrace(QIODevice& device, const Scenario& scenario,
                              const Timeline& timeline) {
    TraceWriter trace(device);
    bool written =
        trace.add(metadata("process_name", 0, {{"name", QString::fromStdString(scenario.title)}}));
    for (std::size_t t = 0; written && t < scenario.tasks.size(); ++t) {
        const qint64 tid = qint64(t) + 1;
        // Keep the scenario's order, whatever the names.
        written = trace.add(metadata("thread_name", tid,
                                     {{"name", QString::fromStdString(scenario.tasks[t].name)}})) &&
                  trace.add(metadata("thread_sort_index", tid, {{"sort_index", tid}}));
    }
    for (auto s = timeline.segments.begin(); written && s != timeline.segments.end(); ++s) {
        written = trace.add(QJsonObject{
            {"name", eventName(scenario.kinds, *s)},
            {"cat", category(scenario.kinds, *s)},
            {"ph", "X"},
            {"pid", kPid},
            {"tid", qint64(s->task) + 1},
            {"ts", double(s->start) * 1000},
            {"dur", double(s->duration()) * 1000},
            {"args", QJsonObject{{"step", qint64(s->step) + 1}}},
        });
    }
    // Spawns and joins exist from version 2 on; a version 1 run keeps no lanes for them.
    if (written && formatVersion(scenario) > 1) {
        const std::vector<FlowArrow> arrows =
            flowArrows(scenario, Lanes(timeline, scenario.tasks.size()));
        for (std::size_t i = 0; written && i < arrows.size(); ++i)
            written = addFlow(trace, scenario.kinds, arrows[i], qint64(i) + 1);
    }
    if (!written || !trace.finish())
        return Error{device.errorString().toStdString()};
    return done();
}

} // namespace coroscope
