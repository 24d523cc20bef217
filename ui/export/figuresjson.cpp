#include "export/figuresjson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace coroscope {

QByteArray figuresJson(const Figures& figures) {
    QJsonObject object{
        {QStringLiteral("makespan_ms"), qint64(figures.makespanMs)},
        {QStringLiteral("cpu_busy_ms"), qint64(figures.cpuBusyMs)},
        {QStringLiteral("cpu_busy_pct"), figures.cpuBusyPct},
        {QStringLiteral("sequential_ms"), qint64(figures.sequentialMs)},
        {QStringLiteral("speedup"), figures.speedup},
        {QStringLiteral("tasks"), qint64(figures.tasks)},
        {QStringLiteral("segments"), qint64(figures.segments)},
    };
    if (figures.loop.shown) { // version 2: latencies and queue peaks
        const LoopFigures& loop = figures.loop;
        object.insert(QStringLiteral("latency_p50_ms"), qint64(loop.latencyP50Ms));
        object.insert(QStringLiteral("latency_p95_ms"), qint64(loop.latencyP95Ms));
        object.insert(QStringLiteral("latency_p99_ms"), qint64(loop.latencyP99Ms));
        object.insert(QStringLiteral("latency_max_ms"), qint64(loop.latencyMaxMs));
        for (const QueuePeak& peak : loop.mostQueued)
            object.insert(QStringLiteral("max_queued_") + QString::fromStdString(peak.name),
                          qint64(peak.most));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace coroscope
