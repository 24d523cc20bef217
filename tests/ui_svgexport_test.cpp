// The SVG drawing as viewers see it: what our paint engine writes draws as the raster painter
// draws the same calls, the exported card draws as its PNG (under Qt's own SVG renderer), and a
// zoomed card's pills are cut at the tracks' ends as in the window.

#include "export/svgpaintdevice.h"
#include "export/timelineexport.h"
#include "export/timelineimage.h"
#include "files/scenariofile.h"
#include "resultchecks.h"
#include "timeline/timelinescene.h"
#include "timeline/timelinestyle.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <vector>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// The share of pixels (0..1) whose colour differs by more than a fifth in some channel:
// edges antialiased a little otherwise stay under it.
double differingShare(const QImage& a, const QImage& b) {
    EXPECT_EQ(a.size(), b.size());
    const QImage left = a.convertToFormat(QImage::Format_RGB32);
    const QImage right = b.convertToFormat(QImage::Format_RGB32);
    qsizetype differing = 0;
    for (int y = 0; y < left.height(); ++y)
        for (int x = 0; x < left.width(); ++x) {
            const QRgb p = left.pixel(x, y);
            const QRgb q = right.pixel(x, y);
            if (std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                          std::abs(qBlue(p) - qBlue(q))}) > 51)
                ++differing;
        }
    return double(differing) / double(left.width() * left.height());
}

// An SVG as Qt's renderer draws it at its own size, on white.
QImage rendered(const QByteArray& svg) {
    QSvgRenderer renderer(svg);
    EXPECT_TRUE(renderer.isValid());
    QImage image(renderer.defaultSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

// What the card's items paint, in small: alpha fills and pens, a gradient, a dashed line, a
// polygon under a transform and an opacity, an image.
void paintSample(QPainter& p) {
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRectF(10, 10, 80, 40), QColor(200, 30, 30, 128));
    QLinearGradient gradient(QPointF(100, 10), QPointF(180, 50));
    gradient.setColorAt(0, QColor(30, 60, 220));
    gradient.setColorAt(1, QColor(0, 200, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(gradient);
    p.drawRoundedRect(QRectF(100, 10, 80, 40), 20, 20);
    p.setPen(QPen(QColor(0, 0, 0, 160), 3));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(QPolygonF({{10, 60}, {60, 100}, {90, 60}}));
    QPen dashed(QColor(120, 0, 120), 2);
    dashed.setDashPattern({4, 3});
    p.setPen(dashed);
    p.drawLine(QPointF(100, 70), QPointF(190, 70));
    p.save();
    p.translate(100, 80);
    p.scale(2, 1);
    p.setOpacity(0.5);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(20, 120, 200));
    p.drawPolygon(QPolygonF({{0, 0}, {20, 0}, {10, 30}}));
    p.restore();
    QImage red(10, 10, QImage::Format_RGB32);
    red.fill(QColor(230, 20, 20));
    p.drawImage(QRectF(150, 90, 20, 20), red);
}

QByteArray svgOf(const std::function<void(QPainter&)>& paint, QSizeF size = {200, 120}) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    SvgPaintDevice svg(buffer, size, "sample", "a test");
    {
        QPainter painter(&svg);
        paint(painter);
    }
    EXPECT_TRUE(succeeded(svg.finish()));
    return buffer.data();
}

// The bounds of each <clipPath>'s path, by id.
std::map<QString, QRectF> clipBounds(const QByteArray& svg) {
    std::map<QString, QRectF> bounds;
    static const QRegularExpression clip(
        QStringLiteral(R"re(<clipPath id="([^"]+)"><path d="([^"]+)"/>)re"));
    static const QRegularExpression number(QStringLiteral(R"(-?[0-9.]+)"));
    for (const QRegularExpressionMatch& m : clip.globalMatch(QString::fromUtf8(svg))) {
        std::vector<double> values;
        for (const QRegularExpressionMatch& n : number.globalMatch(m.captured(2)))
            values.push_back(n.captured().toDouble());
        QPolygonF points;
        for (std::size_t i = 0; i + 1 < values.size(); i += 2)
            points << QPointF(values[i], values[i + 1]);
        bounds[m.captured(1)] = points.boundingRect();
    }
    return bounds;
}

} // namespace

TEST(SvgPaintDevice, DrawsWhatTheRasterPainterDraws) {
    QImage expected(200, 120, QImage::Format_RGB32);
    expected.fill(Qt::white);
    {
        QPainter painter(&expected);
        paintSample(painter);
    }
    const QByteArray svg = svgOf(paintSample);
    EXPECT_LT(differingShare(rendered(svg), expected), 0.002); // a dash's gaps are 0.3 %
    EXPECT_TRUE(svg.startsWith(R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>)"
                               "\n<svg width=\"200\" height=\"120\" viewBox=\"0 0 200 120\""));
    EXPECT_TRUE(svg.endsWith("</svg>\n"));
}

// Qt's renderer draws neither clip paths nor patterns: these are checked in the document.
TEST(SvgPaintDevice, ClipsInPixelsAndKeepsAHatchsAlpha) {
    const QByteArray svg = svgOf([](QPainter& p) {
        p.translate(100, 0);
        p.setClipRect(QRectF(10.5, 10, 50, 20));
        p.setPen(Qt::NoPen);
        p.setBrush(QBrush(QColor(0, 0, 0, 140), Qt::BDiagPattern));
        p.drawRect(QRectF(0, 0, 80, 40));
    });
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    const std::map<QString, QRectF> clips = clipBounds(svg);
    ASSERT_EQ(clips.size(), 1u) << svg.toStdString();
    EXPECT_EQ(clips.begin()->second, QRectF(110.5, 10, 50, 20)) << "the clip in the root's pixels";
    EXPECT_TRUE(svg.contains("<g clip-path=\"url(#" + clips.begin()->first.toUtf8() + ")\">"));
    // BDiagPattern's eight pixels, each a unit square, in the brush's colour and alpha.
    const QRegularExpression pattern(QStringLiteral(
        R"re(<pattern [^>]*width="8" height="8"[^>]*><path d="(M\d \dh1v1h-1z){8}" )re"
        R"re(fill="#000000" fill-opacity="0.549"/></pattern>)re"));
    EXPECT_TRUE(pattern.match(QString::fromUtf8(svg)).hasMatch()) << svg.toStdString();
}

TEST(SvgPaintDevice, ATextureBrushIsAPatternOfItsImage) {
    QImage texture(4, 2, QImage::Format_ARGB32);
    texture.fill(QColor(10, 200, 30));
    const QByteArray svg = svgOf([&](QPainter& p) {
        p.setPen(Qt::NoPen);
        p.setBrush(QBrush(texture));
        p.drawRect(QRectF(0, 0, 40, 20));
    });
    const QRegularExpression pattern(QStringLiteral(
        R"re(<pattern id="([^"]+)" width="4" height="2" patternUnits="userSpaceOnUse">)re"
        R"re(<image width="4" height="2" xlink:href="data:image/png;base64,([^"]+)"/></pattern>)re"));
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(svg));
    ASSERT_TRUE(match.hasMatch()) << svg.toStdString();
    EXPECT_EQ(QImage::fromData(QByteArray::fromBase64(match.captured(2).toLatin1()))
                  .convertToFormat(QImage::Format_ARGB32),
              texture);
    EXPECT_TRUE(svg.contains("fill=\"url(#" + match.captured(1).toUtf8() + ")\""));
}

TEST(SvgDrawing, DrawsAsThePngExport) {
    QTemporaryDir dir;
    ExportOptions options;
    options.compare = true;
    options.explain = true;
    const Scenario seed = ScenarioFile::builtInDefault();
    for (const ExportFormat format : {ExportFormat::Png, ExportFormat::Svg})
        ASSERT_TRUE(succeeded(exportTimeline(
            seed, dir.filePath("t" + extensionOf(format)).toStdString(), format, options)));
    QFile svg(dir.filePath("t.svg"));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    // What differs: the shadows the SVG leaves out, the hatch Qt's renderer cannot draw, and
    // the text in the renderer's font.
    EXPECT_LT(differingShare(rendered(svg.readAll()), QImage(dir.filePath("t.png"))), 0.03);
}

// The window's zoom cuts the pills at the tracks' ends: so does a browser drawing the SVG.
TEST(SvgDrawing, AZoomedCardCutsItsPillsAtTheTracksEnds) {
    QTemporaryDir dir;
    ExportOptions options;
    options.range = TimeWindow{300, 700};
    const Scenario seed = ScenarioFile::builtInDefault();
    const QString path = dir.filePath("t.svg");
    ASSERT_TRUE(succeeded(exportTimeline(seed, path.toStdString(), ExportFormat::Svg, options)));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    const std::map<QString, QRectF> clips = clipBounds(svg);
    const TimelineLayout layout = timelineAt(seed, std::numeric_limits<double>::infinity(),
                                             options.width - 2 * style::kPagePadding)
                                      ->layout();
    // The pills' clip: the tracks' columns (to the thousandth of a pixel the SVG keeps).
    const auto tracks = std::find_if(clips.begin(), clips.end(), [&](const auto& clip) {
        return std::abs(clip.second.left() - layout.trackLeft) < 1e-3 &&
               std::abs(clip.second.right() - (layout.trackLeft + layout.trackWidth)) < 1e-3;
    });
    ASSERT_NE(tracks, clips.end()) << svg.toStdString();
    const qsizetype group = svg.indexOf("<g clip-path=\"url(#" + tracks->first.toUtf8() + ")\">");
    ASSERT_GE(group, 0);
    // The first task's first pill, cut at 300 ms, begins before the tracks.
    const qsizetype end = svg.indexOf("</g>", group);
    static const QRegularExpression pill(QStringLiteral(R"(<path d="M(-?[0-9.]+) )"));
    bool overhangs = false;
    for (const QRegularExpressionMatch& m :
         pill.globalMatch(QString::fromUtf8(svg.mid(group, end - group))))
        overhangs |= m.captured(1).toDouble() < layout.trackLeft;
    EXPECT_TRUE(overhangs) << "a pill that begins before the window, under the clip";
}
