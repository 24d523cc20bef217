#include "export/timelineexport.h"

#include "asyncioprogram.h"
#include "bridge/qtext.h"
#include "export/chrometrace.h"
#include "export/pngwriter.h"
#include "export/timelineimage.h"
#include "files/atomicdevice.h"
#include "timeline.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <cmath>
#include <filesystem>
#include <limits>

namespace coroscope {

namespace {

// Text for an XML document (QSvgGenerator writes its title as given; the text elements are
// ours): escaped, and characters XML 1.0 cannot hold (most control characters, lone
// surrogates) are dropped.
QString xmlText(const QString& text) {
    QString kept;
    kept.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            kept += c;
            kept += text[++i];
        } else if (!c.isSurrogate() &&
                   (c.unicode() >= 0x20 || c == '\t' || c == '\n' || c == '\r') &&
                   c.unicode() != 0xFFFE && c.unicode() != 0xFFFF) {
            kept += c;
        }
    }
    return kept.toHtmlEscaped();
}

// A line of text as an SVG <text> element, anchored where its alignment holds it (a viewer
// without Roboto draws wider or narrower text: right-aligned row labels must not run into
// the tracks), with a fallback family.
QString svgText(const SceneText& text) {
    const QFontMetricsF metrics(text.font);
    const QRectF r = text.rect;
    const double x = text.alignment & Qt::AlignRight     ? r.right()
                     : text.alignment & Qt::AlignHCenter ? r.center().x()
                                                         : r.left();
    const QString anchor = text.alignment & Qt::AlignRight     ? QStringLiteral("end")
                           : text.alignment & Qt::AlignHCenter ? QStringLiteral("middle")
                                                               : QStringLiteral("start");
    // Where QPainter::drawText puts the baseline of a line centred in the rectangle.
    const double baseline = r.top() + (r.height() - metrics.height()) / 2 + metrics.ascent();
    return QStringLiteral(R"(<text x="%1" y="%2" text-anchor="%3" font-family="%4, sans-serif" )"
                          R"(font-size="%5" font-weight="%6" fill="%7" fill-opacity="%8" )"
                          R"(xml:space="preserve">%9</text>)")
        .arg(QString::number(x), QString::number(baseline), anchor, xmlText(text.font.family()),
             QString::number(text.font.pixelSize()), QString::number(text.font.weight()),
             text.color.name(QColor::HexRgb), QString::number(text.color.alphaF()),
             xmlText(text.text));
}

// Takes the text out of the scene, to be written as <text> elements (UTF-8, a line each):
// QSvgGenerator would write cached items as bitmaps, and unanchored text.
QByteArray takeTextForSvg(TimelineScene& scene) {
    QByteArray elements;
    for (const SceneText& text : scene.texts())
        elements += svgText(text).toUtf8() + '\n';
    scene.setTextPainted(false);
    return elements;
}

// QSvgGenerator sizes the page in millimetres (1040 px become 275.167mm, which browsers
// round up to 1041 px): pixels instead, and the text on top of the drawing. Written in
// pieces: a big run's drawing is not copied again.
Result<void> writeFinishedSvg(QIODevice& file, const QByteArray& generated, QSizeF size,
                              const QByteArray& text) {
    static const QRegularExpression root(QStringLiteral(R"(<svg width="[^"]*" height="[^"]*")"));
    // The root element is near the start, in ASCII: character and byte offsets agree.
    const QRegularExpressionMatch sized = root.match(QString::fromLatin1(generated.left(4096)));
    const qsizetype close = generated.lastIndexOf("</svg>");
    if (!sized.hasMatch() || close < sized.capturedEnd())
        return Error{"the SVG generator wrote no drawing"};
    const QByteArray newRoot =
        QStringLiteral(R"(<svg width="%1" height="%2")")
            .arg(QString::number(size.width()), QString::number(size.height()))
            .toUtf8();
    const auto put = [&](const char* data, qsizetype length) {
        return file.write(data, length) == length;
    };
    const char* bytes = generated.constData();
    if (!put(bytes, sized.capturedStart()) || !put(newRoot.constData(), newRoot.size()) ||
        !put(bytes + sized.capturedEnd(), close - sized.capturedEnd()) ||
        !put(text.constData(), text.size()) || !put(bytes + close, generated.size() - close))
        return Error{file.errorString().toStdString()};
    return done();
}

std::unique_ptr<TimelineScene> sceneFor(const Scenario& scenario, const ExportOptions& options) {
    const double at = options.atMs.value_or(std::numeric_limits<double>::infinity());
    auto scene = timelineAt(scenario, at, options.width - 2 * style::kPagePadding, options.theme,
                            options.measured);
    if (options.range)
        scene->setWindow(*options.range);
    scene->setExplained(options.explain);
    return scene;
}

// The picture's size in pixels, known from the layout before anything is drawn.
QSizeF pixelSize(const Scenario& scenario, const ExportOptions& options) {
    const TimelineLayout layout =
        layoutTimeline(options.width - 2 * style::kPagePadding, int(scenario.tasks.size()));
    return layout.page.size() * options.scale;
}

Result<void> writePicture(QIODevice& file, const Scenario& scenario, const ExportOptions& options,
                          const Progress& progress) {
    const auto scene = sceneFor(scenario, options);
    const QSize size = pictureSize(*scene, options.scale);
    // Painted and compressed a band at a time: memory stays a few megabytes.
    PngStream png(file, size.width(), size.height(), !options.transparent);
    const Result<void> painted = renderTimelineBands(
        *scene, options.scale, options.transparent,
        [&](const QImage& band, int rows) { return png.addRows(band, rows); }, progress);
    if (!painted)
        return painted;
    return png.finish();
}

Result<void> writeSvg(QIODevice& file, const Scenario& scenario, const ExportOptions& options,
                      const Progress& progress) {
    const auto scene = sceneFor(scenario, options);
    const QByteArray text = takeTextForSvg(*scene);
    const QRectF rect = scene->sceneRect();
    QBuffer generated;
    generated.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&generated);
    svg.setResolution(96); // CSS pixels: a 1040 px picture is 1040 px wide in a browser
    svg.setSize(rect.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), rect.size()));
    svg.setTitle(xmlText(toQString(scenario.title)));
    svg.setDescription(QStringLiteral("Made with Coroscope"));
    QPainter painter;
    if (!painter.begin(&svg))
        return Error{"the SVG could not be started"};
    painter.setRenderHint(QPainter::Antialiasing);
    // One pass (the SVG painter cannot clip bands apart); the rows tell progress as they go.
    scene->setPaintProgress(progress);
    scene->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    painter.end();
    if (scene->paintStopped())
        return cancelled();
    (void)goOn(progress, 1);
    return writeFinishedSvg(file, generated.data(), rect.size(), text);
}

// Bytes made in memory beforehand: the trace, the asyncio program.
Result<void> writeBytes(QIODevice& file, QByteArrayView bytes) {
    if (file.write(bytes.data(), bytes.size()) != bytes.size())
        return Error{file.errorString().toStdString()};
    return done();
}

// What a path must be before anything is drawn: a file (not a folder) with the format's
// extension, in a folder that exists, and a picture that fits in memory.
Result<void> checkTarget(const Scenario& scenario, const std::string& path, ExportFormat format,
                         const ExportOptions& options) {
    if (format == ExportFormat::Png) {
        const QSizeF size = pixelSize(scenario, options);
        if (size.width() * size.height() > kMaxExportPixels)
            return fail(path, QStringLiteral("the picture would be %L1 × %L2 pixels, more than the "
                                             "%L3 megapixels an export may have; use a smaller "
                                             "scale or width")
                                  .arg(std::ceil(size.width()), 0, 'f', 0)
                                  .arg(std::ceil(size.height()), 0, 'f', 0)
                                  .arg(kMaxExportPixels / (1024 * 1024), 0, 'f', 0)
                                  .toStdString());
    }
    std::error_code ignored;
    const std::filesystem::path file(path);
    if (std::filesystem::is_directory(file, ignored))
        return fail(path, "is a directory");
    const QString extension = extensionOf(format);
    if (!QString::fromStdString(path).endsWith(extension, Qt::CaseInsensitive))
        return fail(path, "unknown extension for this export; the file name must end in " +
                              extension.toStdString());
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
    if (!std::filesystem::is_directory(folder, ignored))
        return fail(path, "the folder " + folder.string() + " does not exist");
    return done();
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
    case ExportFormat::AsyncioProgram:
        return QStringLiteral(".py");
    }
    return {};
}

Result<void> exportTimeline(const Scenario& scenario, const std::string& path, ExportFormat format,
                            const ExportOptions& options, const Progress& progress) {
    if (Result<void> target = checkTarget(scenario, path, format, options); !target)
        return target;
    return writeAtomically(path, [&](QIODevice& file) {
        switch (format) {
        case ExportFormat::Png:
            return writePicture(file, scenario, options, progress);
        case ExportFormat::Svg:
            return writeSvg(file, scenario, options, progress);
        case ExportFormat::Trace:
            return writeBytes(file, chromeTrace(scenario, simulate(scenario)));
        case ExportFormat::AsyncioProgram:
            return writeBytes(file, asyncioProgram(scenario));
        }
        return done();
    });
}

} // namespace coroscope
