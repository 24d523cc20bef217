#include "timeline/segmentstory.h"

#include "bridge/qtext.h"
#include "timeline/timelinescene.h"

#include <QObject>

namespace coroscope {

namespace {

// Names as a list that stays one line: the first few, then how many more.
QString someNames(const QStringList& names, std::span<const std::size_t> tasks) {
    constexpr std::size_t kShown = 6;
    QStringList shown;
    for (std::size_t i = 0; i < tasks.size() && i < kShown; ++i)
        shown << names[qsizetype(tasks[i])];
    QString text = shown.join(QStringLiteral(", "));
    if (tasks.size() > kShown)
        text += QObject::tr(" and %1 more").arg(tasks.size() - kShown);
    return text;
}

QString times(const Segment& s, const QString& what) {
    return QObject::tr("%1 ms to %2 ms (%3 %4 ms)")
        .arg(QString::number(s.start), QString::number(s.end), what, QString::number(s.duration()));
}

QString place(const Segment& s, const RunContext& run) {
    // One multi-argument arg(), so that a "%2" in a task name stays as typed.
    return QObject::tr("%1, step %2: ")
        .arg(run.names[qsizetype(s.task)], QString::number(s.step + 1));
}

QString queuedStory(const Segment& s, const RunContext& run) {
    const bool worker = run.kinds.behaviour(s.kind) == KindBehaviour::Thread;
    const std::vector<std::size_t> holders =
        holdersDuring(run.lanes, s.kind, s.task, s.start, s.end);
    const QString who = someNames(run.names, holders);
    if (worker)
        return place(s, run) + QObject::tr("waiting for a worker thread") + '\n' +
               times(s, QObject::tr("queued")) + '\n' +
               QObject::tr("The %1 workers were busy with %2 meanwhile").arg(run.threads).arg(who);
    const std::int64_t limit = run.kinds[s.kind].limit;
    return place(s, run) +
           QObject::tr("waiting for a %1 slot").arg(toQString(run.kinds[s.kind].name)) + '\n' +
           times(s, QObject::tr("queued")) + '\n' +
           (limit == 1 ? QObject::tr("Its one slot was held by %1 meanwhile").arg(who)
                       : QObject::tr("Its %1 slots were held by %2 meanwhile").arg(limit).arg(who));
}

QString joinStory(const Segment& s, const RunContext& run) {
    std::vector<std::size_t> joined(run.joined.begin(), run.joined.end());
    QString text = place(s, run) + QObject::tr("waiting for %1").arg(someNames(run.names, joined)) +
                   '\n' + times(s, QObject::tr("for"));
    // Who kept it waiting: the joined task that left last.
    std::size_t last = joined.empty() ? s.task : joined.front();
    for (std::size_t t : joined)
        if (!run.lanes.lane(t).empty() &&
            (run.lanes.lane(last).empty() ||
             run.lanes.lane(t).back().end > run.lanes.lane(last).back().end))
            last = t;
    if (last != s.task && !run.lanes.lane(last).empty())
        text += '\n' + QObject::tr("%1 left last, at %2 ms")
                           .arg(run.names[qsizetype(last)],
                                QString::number(run.lanes.lane(last).back().end));
    return text;
}

} // namespace

std::vector<std::size_t> holdersDuring(const Lanes& lanes, StepKind kind, std::size_t task,
                                       std::int64_t fromMs, std::int64_t toMs) {
    std::vector<std::size_t> holders;
    for (std::size_t t = 0; t < lanes.tasks(); ++t) {
        if (t == task)
            continue;
        const std::span<const LaneSegment> lane = lanes.lane(t);
        const auto [first, last] = lanes.overlapping(t, double(fromMs), double(toMs));
        for (std::size_t i = first; i < last; ++i)
            if (lane[i].kind == kind && !lane[i].queued) {
                holders.push_back(t);
                break;
            }
    }
    return holders;
}

QString describeRunSegment(const Segment& s, const RunContext& run) {
    if (s.queued)
        return queuedStory(s, run);
    const KindBehaviour behaviour = run.kinds.behaviour(s.kind);
    if (behaviour == KindBehaviour::Join)
        return joinStory(s, run);
    QString text = describeSegment(s, run.names[qsizetype(s.task)], run.kinds);
    if (behaviour == KindBehaviour::Thread)
        text +=
            '\n' + QObject::tr("Blocking work on one of the %1 worker threads; the loop stays free")
                       .arg(run.threads);
    else if (const std::int64_t limit = run.kinds[s.kind].limit; limit > 0)
        text += '\n' + QObject::tr("Holding one of the %1 %2 slots")
                           .arg(limit)
                           .arg(toQString(run.kinds[s.kind].name));
    return text;
}

} // namespace coroscope
