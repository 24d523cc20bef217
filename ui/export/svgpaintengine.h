#pragma once

// A paint engine that writes SVG as it paints: each drawing call becomes an element in the
// output at once (QSvgGenerator held the whole document in memory until its painter ended).
// It covers what the timeline's items paint: paths, rectangles, polygons and lines; pens with
// alpha and dashes; solid, linear-gradient and pattern brushes (each gradient or pattern a
// <defs> written just before its first use); clip paths; transforms; opacity; and images.
// What it lacks (radial and conical gradients, gradient pens, composition modes) QPainter
// draws as an image.

#include <QByteArray>
#include <QHash>
#include <QPaintEngine>
#include <QPainterPath>
#include <QTransform>

#include <optional>

namespace coroscope {

class SvgOutput;

class SvgPaintEngine final : public QPaintEngine {
public:
    explicit SvgPaintEngine(SvgOutput& out);

    bool begin(QPaintDevice*) override { return true; }
    // Closes the open clip group.
    bool end() override;
    void updateState(const QPaintEngineState& state) override;

    using QPaintEngine::drawPath;
    using QPaintEngine::drawPolygon;
    using QPaintEngine::drawRects;
    void drawPath(const QPainterPath& path) override;
    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override;
    void drawRects(const QRectF* rects, int count) override;
    void drawPixmap(const QRectF& target, const QPixmap& pixmap, const QRectF& source) override;
    void drawImage(const QRectF& target, const QImage& image, const QRectF& source,
                   Qt::ImageConversionFlags flags) override;
    Type type() const override { return SVG; }

private:
    // What an element takes of the painter's state besides its opacity and transform.
    enum class Paint { FillAndStroke, Stroke, Neither };

    // Before an element: the clip group it belongs in and the definitions its fill uses, then
    // the element's start; false if nothing would show.
    bool startElement(const char* name, Paint paint);
    // After its geometry: its paint, opacity and transform, and its end.
    void endElement(Paint paint, QByteArrayView fillRule = {});
    QByteArray fillOf(const QBrush& brush);
    QByteArray linearGradient(const QBrush& brush);
    QByteArray pattern(const QBrush& brush);
    void clipTo(const QPainterPath& path, Qt::ClipOperation operation);
    void showClip();
    // The id of a <defs> element, written now unless an identical one was (of late).
    QByteArray define(const char* tag, const QByteArray& rest);

    SvgOutput& out_;
    QTransform transform_;
    QBrush brush_;
    QPointF brushOrigin_;
    std::optional<QByteArray> fill_; // the brush's fill attributes, made at its first use
    QByteArray stroke_;
    double opacity_ = 1;
    std::optional<QPainterPath> clip_; // in device pixels
    bool clipEnabled_ = false;
    bool clipChanged_ = false;
    std::optional<QPainterPath> shownClip_; // the open group's
    QHash<QByteArray, QByteArray> defined_; // id by definition
    int defs_ = 0;
};

} // namespace coroscope
