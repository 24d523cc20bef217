#include "export/svgpaintengine.h"

#include "export/svgoutput.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPixmap>

namespace coroscope {

namespace {

constexpr QPaintEngine::PaintEngineFeatures kFeatures =
    QPaintEngine::AllFeatures &
    ~(QPaintEngine::PerspectiveTransform | QPaintEngine::RadialGradientFill |
      QPaintEngine::ConicalGradientFill | QPaintEngine::BrushStroke | QPaintEngine::PorterDuff |
      QPaintEngine::BlendModes | QPaintEngine::RasterOpModes);
// Definitions remembered for reuse (the same swatch, the same clip): a bounded few, so that
// memory does not grow with a drawing whose every gradient differs.
constexpr qsizetype kRememberedDefs = 1024;

QByteArray colour(const QColor& color) {
    return color.name(QColor::HexRgb).toLatin1();
}

// A colour's attributes: `part`="#rrggbb", and `part`-opacity where it has one.
void writeColour(SvgBytes& to, QByteArrayView part, const QColor& color,
                 QByteArrayView colourName = {}) {
    to << ' ' << (colourName.isEmpty() ? part : colourName) << "=\"" << colour(color) << '"';
    if (color.alpha() < 255)
        to << ' ' << part << "-opacity=\"" << color.alphaF() << '"';
}

// A matrix in full precision: its scale and shear multiply every coordinate.
QByteArray matrix(const QTransform& t) {
    QByteArray m = "matrix(";
    for (const double v : {t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()})
        m += QByteArray::number(v, 'g', 9) + ' ';
    m.back() = ')';
    return m;
}

// The brush's own transform and origin, as a gradient or pattern attribute.
void writeBrushTransform(SvgBytes& to, QByteArrayView name, const QBrush& brush, QPointF origin) {
    const QTransform t = brush.transform() * QTransform::fromTranslate(origin.x(), origin.y());
    if (!t.isIdentity())
        to << ' ' << name << "=\"" << matrix(t) << '"';
}

// Qt's paths close a figure by a line back to its start: an SVG path closes it with Z, so that
// its stroke joins there as Qt's does rather than ending in two caps.
void writePathData(SvgBytes& to, const QPainterPath& path) {
    QPointF start;
    QPointF last;
    const auto close = [&] {
        if (last == start)
            to << 'Z';
    };
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        switch (e.type) {
        case QPainterPath::MoveToElement:
            if (i > 0)
                close();
            to << 'M';
            start = e;
            break;
        case QPainterPath::LineToElement:
            to << 'L';
            break;
        case QPainterPath::CurveToElement:
            to << 'C';
            break;
        case QPainterPath::CurveToDataElement:
            to << ' ';
            break;
        }
        to << e.x << ' ' << e.y;
        last = e;
    }
    if (path.elementCount() > 0)
        close();
}

QByteArray dataUrl(const QImage& image) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return "data:image/png;base64," + png.toBase64();
}

} // namespace

SvgPaintEngine::SvgPaintEngine(SvgOutput& out)
    : QPaintEngine(kFeatures)
    , out_(out) {}

bool SvgPaintEngine::end() {
    if (shownClip_)
        out_ << "</g>\n";
    shownClip_.reset();
    return true;
}

void SvgPaintEngine::updateState(const QPaintEngineState& state) {
    const DirtyFlags dirty = state.state();
    if (dirty & DirtyTransform)
        transform_ = state.transform();
    if (dirty & (DirtyBrush | DirtyBrushOrigin)) {
        brush_ = state.brush();
        brushOrigin_ = state.brushOrigin();
        fill_.reset();
    }
    if (dirty & DirtyPen) {
        const QPen pen = state.pen();
        SvgBytes stroke;
        if (pen.style() != Qt::NoPen && pen.brush().style() != Qt::NoBrush) {
            const double width = pen.widthF() > 0 ? pen.widthF() : 1; // cosmetic: a pixel
            writeColour(stroke, "stroke", pen.color());
            if (width != 1)
                stroke << " stroke-width=\"" << width << '"';
            if (pen.capStyle() == Qt::FlatCap)
                stroke << " stroke-linecap=\"butt\"";
            else if (pen.capStyle() == Qt::RoundCap)
                stroke << " stroke-linecap=\"round\"";
            if (pen.joinStyle() == Qt::MiterJoin || pen.joinStyle() == Qt::SvgMiterJoin)
                stroke << " stroke-linejoin=\"miter\" stroke-miterlimit=\"" << pen.miterLimit()
                       << '"';
            else if (pen.joinStyle() == Qt::RoundJoin)
                stroke << " stroke-linejoin=\"round\"";
            if (pen.style() != Qt::SolidLine) { // Qt's dashes are in pen widths, SVG's in pixels
                stroke << " stroke-dasharray=\"";
                const QList<qreal> dashes = pen.dashPattern();
                for (qsizetype i = 0; i < dashes.size(); ++i)
                    (i > 0 ? stroke << ',' : stroke) << dashes[i] * width;
                stroke << '"';
                if (pen.dashOffset() != 0)
                    stroke << " stroke-dashoffset=\"" << pen.dashOffset() * width << '"';
            }
        }
        stroke_ = stroke.bytes();
    }
    if (dirty & DirtyOpacity)
        opacity_ = state.opacity();
    if (dirty & DirtyClipEnabled) {
        clipEnabled_ = state.isClipEnabled();
        clipChanged_ = true;
    }
    if (dirty & DirtyClipRegion) {
        QPainterPath region;
        region.addRegion(state.clipRegion());
        clipTo(region, state.clipOperation());
    }
    if (dirty & DirtyClipPath)
        clipTo(state.clipPath(), state.clipOperation());
}

void SvgPaintEngine::clipTo(const QPainterPath& path, Qt::ClipOperation operation) {
    const QPainterPath onDevice = transform_.map(path);
    if (operation == Qt::NoClip)
        clip_.reset();
    else if (operation == Qt::IntersectClip && clip_)
        clip_ = clip_->intersected(onDevice);
    else
        clip_ = onDevice;
    clipChanged_ = true;
}

void SvgPaintEngine::showClip() {
    clipChanged_ = false;
    const std::optional<QPainterPath> wanted = clipEnabled_ ? clip_ : std::nullopt;
    if (wanted == shownClip_)
        return;
    if (shownClip_)
        out_ << "</g>\n";
    shownClip_ = wanted;
    if (!wanted)
        return;
    // The group has no transform: the clip, kept in device pixels, is in the root's space.
    SvgBytes clip;
    clip << "><path d=\"";
    writePathData(clip, *wanted);
    clip << "\"/></clipPath>";
    const QByteArray id = define("clipPath", clip.bytes()); // written before the group
    out_ << "<g clip-path=\"url(#" << id << ")\">\n";
}

QByteArray SvgPaintEngine::define(const char* tag, const QByteArray& rest) {
    const QByteArray key = tag + rest;
    if (const auto known = defined_.constFind(key); known != defined_.constEnd())
        return *known;
    if (defined_.size() >= kRememberedDefs)
        defined_.clear();
    const QByteArray id = 'd' + QByteArray::number(++defs_);
    out_ << "<defs><" << tag << " id=\"" << id << '"' << rest << "</defs>\n";
    defined_.insert(key, id);
    return id;
}

QByteArray SvgPaintEngine::linearGradient(const QBrush& brush) {
    const auto* gradient = static_cast<const QLinearGradient*>(brush.gradient());
    SvgBytes def;
    def << " gradientUnits=\""
        << (gradient->coordinateMode() == QGradient::ObjectBoundingMode ? "objectBoundingBox"
                                                                        : "userSpaceOnUse")
        << "\" x1=\"" << gradient->start().x() << "\" y1=\"" << gradient->start().y() << "\" x2=\""
        << gradient->finalStop().x() << "\" y2=\"" << gradient->finalStop().y() << '"';
    if (gradient->spread() == QGradient::ReflectSpread)
        def << " spreadMethod=\"reflect\"";
    else if (gradient->spread() == QGradient::RepeatSpread)
        def << " spreadMethod=\"repeat\"";
    writeBrushTransform(def, "gradientTransform", brush, brushOrigin_);
    def << '>';
    for (const QGradientStop& stop : gradient->stops()) {
        def << "<stop offset=\"" << stop.first << '"';
        writeColour(def, "stop", stop.second, "stop-color");
        def << "/>";
    }
    def << "</linearGradient>";
    return define("linearGradient", def.bytes());
}

// Qt's 8 × 8 patterns (the hatch of ready stretches) as the unit squares they set; a texture
// as its image.
QByteArray SvgPaintEngine::pattern(const QBrush& brush) {
    SvgBytes def;
    if (brush.style() == Qt::TexturePattern) {
        const QImage texture = brush.textureImage();
        def << " width=\"" << double(texture.width()) << "\" height=\"" << double(texture.height())
            << "\" patternUnits=\"userSpaceOnUse\"";
        writeBrushTransform(def, "patternTransform", brush, brushOrigin_);
        def << "><image width=\"" << double(texture.width()) << "\" height=\""
            << double(texture.height()) << "\" xlink:href=\"" << dataUrl(texture) << "\"/>";
    } else {
        QImage cell(8, 8, QImage::Format_ARGB32_Premultiplied);
        cell.fill(Qt::transparent);
        QPainter(&cell).fillRect(cell.rect(), QBrush(Qt::black, brush.style()));
        def << " width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"";
        writeBrushTransform(def, "patternTransform", brush, brushOrigin_);
        def << "><path d=\"";
        for (int y = 0; y < cell.height(); ++y)
            for (int x = 0; x < cell.width(); ++x)
                if (qAlpha(cell.pixel(x, y)) > 0)
                    def << 'M' << double(x) << ' ' << double(y) << "h1v1h-1z";
        def << '"';
        writeColour(def, "fill", brush.color());
        def << "/>";
    }
    def << "</pattern>";
    return define("pattern", def.bytes());
}

QByteArray SvgPaintEngine::fillOf(const QBrush& brush) {
    SvgBytes fill;
    switch (brush.style()) {
    case Qt::NoBrush:
        break; // the root's fill="none"
    case Qt::SolidPattern:
        writeColour(fill, "fill", brush.color());
        break;
    case Qt::LinearGradientPattern:
        fill << " fill=\"url(#" << linearGradient(brush) << ")\"";
        break;
    default: // the patterns and textures (radial and conical gradients come as images)
        fill << " fill=\"url(#" << pattern(brush) << ")\"";
        break;
    }
    return fill.bytes();
}

bool SvgPaintEngine::startElement(const char* name, Paint paint) {
    if (opacity_ <= 0)
        return false;
    if (clipChanged_)
        showClip();
    if (paint == Paint::FillAndStroke && !fill_)
        fill_ = fillOf(brush_);
    out_ << '<' << name;
    return true;
}

void SvgPaintEngine::endElement(Paint paint, QByteArrayView fillRule) {
    if (paint == Paint::FillAndStroke)
        out_ << *fill_ << fillRule;
    if (paint != Paint::Neither)
        out_ << stroke_;
    if (opacity_ < 1)
        out_ << " opacity=\"" << opacity_ << '"';
    if (!transform_.isIdentity())
        out_ << " transform=\"" << matrix(transform_) << '"';
    out_ << "/>\n";
    out_.elementDone();
}

void SvgPaintEngine::drawPath(const QPainterPath& path) {
    if (path.isEmpty() || !startElement("path", Paint::FillAndStroke))
        return;
    out_ << " d=\"";
    writePathData(out_, path);
    out_ << '"';
    endElement(Paint::FillAndStroke,
               path.fillRule() == Qt::WindingFill ? " fill-rule=\"nonzero\"" : "");
}

void SvgPaintEngine::drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) {
    const Paint paint = mode == PolylineMode ? Paint::Stroke : Paint::FillAndStroke;
    if (count < 2 || !startElement(mode == PolylineMode ? "polyline" : "polygon", paint))
        return;
    out_ << " points=\"";
    for (int i = 0; i < count; ++i)
        out_ << (i > 0 ? " " : "") << points[i].x() << ',' << points[i].y();
    out_ << '"';
    endElement(paint, mode == OddEvenMode ? "" : " fill-rule=\"nonzero\"");
}

void SvgPaintEngine::drawRects(const QRectF* rects, int count) {
    for (int i = 0; i < count; ++i) {
        const QRectF r = rects[i].normalized();
        if (!startElement("rect", Paint::FillAndStroke))
            return;
        out_ << " x=\"" << r.x() << "\" y=\"" << r.y() << "\" width=\"" << r.width()
             << "\" height=\"" << r.height() << '"';
        endElement(Paint::FillAndStroke);
    }
}

void SvgPaintEngine::drawPixmap(const QRectF& target, const QPixmap& pixmap, const QRectF& source) {
    drawImage(target, pixmap.toImage(), source, Qt::AutoColor);
}

void SvgPaintEngine::drawImage(const QRectF& target, const QImage& image, const QRectF& source,
                               Qt::ImageConversionFlags) {
    if (!startElement("image", Paint::Neither))
        return;
    const QImage shown =
        source == QRectF(image.rect()) ? image : image.copy(source.toAlignedRect());
    out_ << " x=\"" << target.x() << "\" y=\"" << target.y() << "\" width=\"" << target.width()
         << "\" height=\"" << target.height() << "\" preserveAspectRatio=\"none\" xlink:href=\""
         << dataUrl(shown) << '"';
    endElement(Paint::Neither);
}

} // namespace coroscope
