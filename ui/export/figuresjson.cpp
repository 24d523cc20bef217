#include "export/figuresjson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace coroscope {

QByteArray figuresJson(const Figures& figures) {
    const QJsonObject object{
        {QStringLiteral("makespan_ms"), qint64(figures.makespanMs)},
        {QStringLiteral("cpu_busy_ms"), qint64(figures.cpuBusyMs)},
        {QStringLiteral("cpu_busy_pct"), figures.cpuBusyPct},
        {QStringLiteral("sequential_ms"), qint64(figures.sequentialMs)},
        {QStringLiteral("speedup"), figures.speedup},
        {QStringLiteral("tasks"), qint64(figures.tasks)},
        {QStringLiteral("segments"), qint64(figures.segments)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace coroscope
