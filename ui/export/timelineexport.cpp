#include "export/timelineexport.h"

#include "analysis/runanalysis.h"
#include "asyncio/asyncioprogram.h"
#include "bridge/qtext.h"
#include "export/chrometrace.h"
#include "export/gifstream.h"
#include "export/htmlpage.h"
#include "export/pngwriter.h"
#include "export/svgpaintdevice.h"
#include "export/timelineimage.h"
#include "files/atomicdevice.h"
#include "loop/figures.h"
#include "loop/timeline.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QFontMetricsF>
#include <QIODevice>
#include <QPainter>

#include <cmath>
#include <filesystem>
#include <limits>
#include <utility>
#include <vector>

namespace coroscope {

namespace {

// Text for an XML document (the title, the text elements): escaped, and characters XML 1.0 cannot
// hold (most control characters, lone surrogates) are dropped.
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
    const QString italic =
        text.font.italic() ? QStringLiteral(R"( font-style="italic")") : QString();
    return QStringLiteral(R"(<text x="%1" y="%2" text-anchor="%3" font-family="%4, sans-serif" )"
                          R"(font-size="%5" font-weight="%6"%7 fill="%8" fill-opacity="%9" )"
                          R"(xml:space="preserve">%10</text>)")
        .arg(QString::number(x), QString::number(baseline), anchor, xmlText(text.font.family()),
             QString::number(text.font.pixelSize()), QString::number(text.font.weight()), italic,
             text.color.name(QColor::HexRgb), QString::number(text.color.alphaF()),
             xmlText(text.text));
}

// The scene's text as <text> elements over the drawing (UTF-8, a line each): painted, it
// would come as glyph outlines, neither selectable nor anchored. A scene drawn lower in the
// picture has its text moved down by `top`.
void addTextOver(SvgPaintDevice& svg, const TimelineScene& scene, double top) {
    for (SceneText text : scene.texts()) {
        text.rect.translate(0, top);
        svg.addOver(svgText(text).toUtf8() + '\n');
    }
}

// The scenes the picture shows, top to bottom: the card, or the async card and the blocking one.
std::vector<std::unique_ptr<TimelineScene>> scenesFor(const Scenario& scenario,
                                                      const ExportOptions& options) {
    const double at = options.atMs.value_or(std::numeric_limits<double>::infinity());
    const double cardWidth = options.width - 2 * style::kPagePadding;
    std::vector<std::unique_ptr<TimelineScene>> scenes;
    if (options.compare) {
        Comparison both = comparisonAt(scenario, at, cardWidth, options.theme, options.measured);
        scenes.push_back(std::move(both.async));
        scenes.push_back(std::move(both.blocking));
    } else {
        scenes.push_back(timelineAt(scenario, at, cardWidth, options.theme, options.measured));
    }
    if (options.range)
        for (const auto& scene : scenes)
            scene->setWindow(*options.range);
    // As in the window, only the async run is explained: the blocking one never waits for the loop.
    scenes.front()->setExplained(options.explain);
    return scenes;
}

std::vector<TimelineScene*> pointersTo(const std::vector<std::unique_ptr<TimelineScene>>& scenes) {
    std::vector<TimelineScene*> pointers;
    for (const auto& scene : scenes)
        pointers.push_back(scene.get());
    return pointers;
}

// The picture's size in pixels, known from the layout before anything is drawn.
// The async card has the loop's lane and the slot lanes when explained; the blocking card never
// has them.
QSizeF pixelSize(const Scenario& scenario, const ExportOptions& options) {
    const auto page = [&](bool loopLane) {
        return layoutTimeline(options.width - 2 * style::kPagePadding, int(scenario.tasks.size()),
                              0, loopLane, false,
                              loopLane ? slotLaneRows(slotLaneKinds(scenario)) : std::vector<int>{})
            .page;
    };
    const QRectF async = page(options.explain);
    const double height = async.height() + (options.compare ? page(false).height() : 0);
    return QSizeF(async.width(), height) * options.scale;
}

Result<void> writePicture(QIODevice& file, const Scenario& scenario, const ExportOptions& options,
                          const Progress& progress) {
    const auto scenes = scenesFor(scenario, options);
    const std::vector<TimelineScene*> stacked = pointersTo(scenes);
    const QSize size = pictureSize(stacked, options.scale);
    // Painted and compressed a band at a time: memory stays a few megabytes.
    PngStream png(file, size.width(), size.height(), !options.transparent);
    const Result<void> painted = renderTimelineBands(
        stacked, options.scale, options.transparent,
        [&](const QImage& band, int rows) { return png.addRows(band, rows); }, progress);
    if (!painted)
        return painted;
    return png.finish();
}

// Each frame is the PNG export's picture at its moment, drawn and encoded a band at a time.
// The palette is counted beforehand on the finished timeline and the middle frame: the colours
// every frame is made of (blends over partly grown segments included).
Result<void> writeGif(QIODevice& file, const Scenario& scenario, const ExportOptions& options,
                      const Progress& progress) {
    const double axisEnd =
        shownAxisEnd(simulateFigures(scenario), {options.compare, options.measured});
    const std::vector<AnimationFrame> frames = animationFrames(axisEnd, options.fps);
    const std::size_t steps = frames.size() + 2; // the frames and the palette's two samples
    std::optional<QSize> size; // the first frame's; every moment has the same layout
    const auto draw = [&](double atMs, std::size_t step, const BandSink& take) {
        ExportOptions moment = options;
        moment.atMs = atMs;
        const auto scenes = scenesFor(scenario, moment);
        const std::vector<TimelineScene*> stacked = pointersTo(scenes);
        if (pictureSize(stacked, options.scale) !=
            size.value_or(pictureSize(stacked, options.scale)))
            return Result<void>(Error{"the frames of the animation differ in size"});
        size = pictureSize(stacked, options.scale);
        return renderTimelineBands(stacked, options.scale, false, take, [&](double done) {
            return goOn(progress, (double(step) + done) / double(steps));
        });
    };
    ColourCount counted;
    const BandSink count = [&](const QImage& band, int rows) {
        counted.add(band, rows);
        return done();
    };
    const double samples[] = {frames.back().atMs, axisEnd / 2};
    for (std::size_t i = 0; i < std::size(samples); ++i)
        if (Result<void> drawn = draw(samples[i], i, count); !drawn)
            return drawn;
    GifStream gif(file, size->width(), size->height(), GifPalette(counted));
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (Result<void> begun = gif.beginFrame(frames[i].delayCentiseconds); !begun)
            return begun;
        const Result<void> drawn = draw(frames[i].atMs, i + 2, [&](const QImage& band, int rows) {
            return gif.addRows(band, rows);
        });
        if (!drawn)
            return drawn;
    }
    return gif.finish();
}

Result<void> writeSvg(QIODevice& file, const Scenario& scenario, const ExportOptions& options,
                      const Progress& progress) {
    const auto scenes = scenesFor(scenario, options);
    QSizeF size(0, 0);
    for (const auto& scene : scenes) {
        scene->setTextPainted(false); // written as text once the drawing is done
        const QSizeF page = scene->sceneRect().size();
        size = {std::max(size.width(), page.width()), size.height() + page.height()};
    }
    // Each element goes to the file as it is painted: memory holds the scenes and a piece.
    SvgPaintDevice svg(file, size, xmlText(toQString(scenario.title)).toUtf8(),
                       "Made with Coroscope");
    QPainter painter;
    if (!painter.begin(&svg))
        return Error{"the SVG could not be started"};
    painter.setRenderHint(QPainter::Antialiasing);
    // One pass a scene; the rows tell progress as they go, each scene its share of the
    // picture's height.
    double top = 0;
    for (const auto& scene : scenes) {
        const QRectF rect = scene->sceneRect();
        scene->setPaintProgress([&, top, rect](double done) {
            return goOn(progress, (top + done * rect.height()) / size.height());
        });
        scene->render(&painter, QRectF(QPointF(0, top), rect.size()), rect);
        if (scene->paintStopped())
            return cancelled(); // the file is not kept
        top += rect.height();
    }
    painter.end();
    top = 0;
    for (const auto& scene : scenes) {
        addTextOver(svg, *scene, top);
        top += scene->sceneRect().height();
    }
    (void)goOn(progress, 1);
    return svg.finish();
}

Rgb rgbOf(const QColor& color) {
    return color.rgb() & 0xffffffu;
}

// The page's look: the theme's colours and the names' column of the card the PNG shows.
HtmlLook htmlLook(const Scenario& scenario, const ExportOptions& options) {
    const auto scenes = scenesFor(scenario, options);
    const TimelineLayout& layout = scenes.front()->layout();
    const style::Theme& theme = options.theme;
    return {.page = rgbOf(theme.page),
            .card = rgbOf(theme.card),
            .cardBorder = rgbOf(theme.cardBorder),
            .title = rgbOf(theme.title),
            .mutedText = rgbOf(theme.mutedText),
            .rowLabel = rgbOf(theme.rowLabel),
            .rule = rgbOf(theme.rule),
            .track = rgbOf(theme.track),
            .cardShadow = theme.cardShadow.alphaF(),
            .segmentShadow = theme.segmentShadow.alphaF(),
            .swatchShadow = theme.swatchShadow.alphaF(),
            .rowLabelWidth = layout.rowLabelWidth,
            .denseRows = layout.rowHeight < style::kRowHeight};
}

std::string webPage(const Scenario& scenario, const ExportOptions& options) {
    const RunAnalysis run =
        analyseRun(scenario, {.comparing = false, .measured = options.measured});
    return htmlPage(scenario, run, htmlLook(scenario, options), options.explain);
}

// Bytes made in memory beforehand: the asyncio program, the web page.
Result<void> writeBytes(QIODevice& file, QByteArrayView bytes) {
    if (file.write(bytes.data(), bytes.size()) != bytes.size())
        return Error{file.errorString().toStdString()};
    return done();
}

// What a path must be before anything is drawn: a file (not a folder) with the format's
// extension, in a folder that exists, and a picture that fits in memory.
Result<void> checkTarget(const Scenario& scenario, const std::string& path, ExportFormat format,
                         const ExportOptions& options) {
    if (format == ExportFormat::Png || format == ExportFormat::Gif) {
        const QSizeF size = pixelSize(scenario, options);
        if (format == ExportFormat::Gif &&
            std::max(size.width(), size.height()) > GifStream::kMaxSide)
            return fail(path, QStringLiteral("the animation would be %L1 × %L2 pixels; a GIF's "
                                             "side is at most %L3 pixels: use a smaller scale")
                                  .arg(std::ceil(size.width()), 0, 'f', 0)
                                  .arg(std::ceil(size.height()), 0, 'f', 0)
                                  .arg(GifStream::kMaxSide)
                                  .toStdString());
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
    case ExportFormat::Gif:
        return QStringLiteral(".gif");
    case ExportFormat::Trace:
        return QStringLiteral(".json");
    case ExportFormat::AsyncioProgram:
        return QStringLiteral(".py");
    case ExportFormat::WebPage:
        return QStringLiteral(".html");
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
        case ExportFormat::Gif:
            return writeGif(file, scenario, options, progress);
        case ExportFormat::Trace:
            return writeChromeTrace(file, scenario, simulate(scenario));
        case ExportFormat::AsyncioProgram:
            return writeBytes(file, asyncioProgram(scenario));
        case ExportFormat::WebPage:
            return writeBytes(file, webPage(scenario, options));
        }
        return done();
    });
}

} // namespace coroscope
