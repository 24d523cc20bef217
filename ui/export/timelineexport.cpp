#include "export/timelineexport.h"

#include "export/chrometrace.h"
#include "export/pngwriter.h"
#include "export/timelineimage.h"
#include "timeline.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <limits>

namespace coroscope {

namespace {

bool fail(QString* error, const QString& path, const QString& why) {
    if (error)
        *error = path + QStringLiteral(": ") + why;
    return false;
}

std::unique_ptr<TimelineScene> sceneFor(const Scenario& scenario, const ExportOptions& options) {
    const double at = options.atMs.value_or(std::numeric_limits<double>::infinity());
    return timelineAt(scenario, at, options.width - 2 * style::kPagePadding);
}

// The picture's size in pixels, known from the layout before anything is drawn.
QSizeF pixelSize(const Scenario& scenario, const ExportOptions& options) {
    const TimelineLayout layout =
        layoutTimeline(options.width - 2 * style::kPagePadding, int(scenario.tasks.size()));
    return layout.page.size() * options.scale;
}

// Renders into an open file; returns an empty string or the reason it failed.
QString writePicture(QSaveFile& file, const Scenario& scenario, const ExportOptions& options) {
    const auto scene = sceneFor(scenario, options);
    const QImage image = renderTimeline(*scene, options.scale, options.transparent);
    if (image.isNull())
        return QStringLiteral("there is not enough memory for the picture");
    QString problem;
    if (!writePng(&file, image, &problem))
        return problem;
    return {};
}

QString writeSvg(QSaveFile& file, const Scenario& scenario, const ExportOptions& options) {
    const auto scene = sceneFor(scenario, options);
    const QRectF rect = scene->sceneRect();
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setResolution(96); // CSS pixels: a 1040 px picture is 1040 px wide in a browser
    svg.setSize(rect.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    svg.setTitle(QString::fromStdString(scenario.title));
    svg.setDescription(QStringLiteral("Made with Coroscope"));
    QPainter painter;
    if (!painter.begin(&svg))
        return QStringLiteral("the SVG could not be started");
    painter.setRenderHint(QPainter::Antialiasing);
    scene->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    painter.end();
    return {};
}

QString writeTrace(QSaveFile& file, const Scenario& scenario) {
    const QByteArray bytes = chromeTrace(scenario, simulate(scenario));
    if (file.write(bytes) != bytes.size())
        return file.errorString();
    return {};
}

} // namespace

QString extensionOf(ExportFormat format) {
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral(".png");
    case ExportFormat::Svg:
        return QStringLiteral(".svg");
    case ExportFormat::Trace:
        return QStringLiteral(".json");
    }
    return {};
}

bool exportTimeline(const Scenario& scenario, const QString& path, ExportFormat format,
                    const ExportOptions& options, QString* error) {
    if (format == ExportFormat::Png) {
        const QSizeF size = pixelSize(scenario, options);
        if (size.width() * size.height() > kMaxExportPixels)
            return fail(error, path,
                        QStringLiteral("the picture would be %L1 × %L2 pixels, more than the %L3 "
                                       "megapixels an export may have; use a smaller scale or "
                                       "width")
                            .arg(std::ceil(size.width()), 0, 'f', 0)
                            .arg(std::ceil(size.height()), 0, 'f', 0)
                            .arg(kMaxExportPixels / (1024 * 1024), 0, 'f', 0));
    }
    const QFileInfo info(path);
    if (info.isDir())
        return fail(error, path, QStringLiteral("is a directory"));
    const QString extension = extensionOf(format);
    if (!path.endsWith(extension, Qt::CaseInsensitive))
        return fail(error, path,
                    QStringLiteral("unknown extension for this export; the file name must end "
                                   "in %1")
                        .arg(extension));
    if (!info.dir().exists())
        return fail(error, path,
                    QStringLiteral("the folder %1 does not exist").arg(info.dir().path()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, path, QStringLiteral("cannot be written (%1)").arg(file.errorString()));
    QString problem;
    switch (format) {
    case ExportFormat::Png:
        problem = writePicture(file, scenario, options);
        break;
    case ExportFormat::Svg:
        problem = writeSvg(file, scenario, options);
        break;
    case ExportFormat::Trace:
        problem = writeTrace(file, scenario);
        break;
    }
    if (!problem.isEmpty()) {
        file.cancelWriting();
        return fail(error, path, QStringLiteral("cannot be written (%1)").arg(problem));
    }
    if (!file.commit())
        return fail(error, path, QStringLiteral("cannot be written (%1)").arg(file.errorString()));
    return true;
}

} // namespace coroscope
