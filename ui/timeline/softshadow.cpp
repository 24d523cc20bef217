#include "timeline/softshadow.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <vector>

namespace coroscope {

namespace {

// A Gaussian blur of the alpha channel, as a browser renders a CSS blur radius (σ = blur / 2).
QImage blurAlpha(const QImage& source, double sigma) {
    const int reach = int(std::ceil(sigma * 3));
    std::vector<float> kernel(std::size_t(2 * reach + 1));
    float sum = 0;
    for (int i = -reach; i <= reach; ++i)
        sum += kernel[std::size_t(i + reach)] = float(std::exp(-(i * i) / (2 * sigma * sigma)));
    for (float& k : kernel)
        k /= sum;

    const int w = source.width();
    const int h = source.height();
    std::vector<float> in(std::size_t(w * h)), tmp(std::size_t(w * h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            in[std::size_t(y * w + x)] = float(qAlpha(source.pixel(x, y)));
    auto at = [](const std::vector<float>& v, int w_, int x, int y) {
        return v[std::size_t(y * w_ + x)];
    };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -reach; i <= reach; ++i)
                if (x + i >= 0 && x + i < w)
                    acc += kernel[std::size_t(i + reach)] * at(in, w, x + i, y);
            tmp[std::size_t(y * w + x)] = acc;
        }
    QImage out(w, h, QImage::Format_Alpha8);
    for (int y = 0; y < h; ++y) {
        uchar* line = out.scanLine(y);
        for (int x = 0; x < w; ++x) {
            float acc = 0;
            for (int i = -reach; i <= reach; ++i)
                if (y + i >= 0 && y + i < h)
                    acc += kernel[std::size_t(i + reach)] * at(tmp, w, x, y + i);
            line[x] = uchar(std::lround(std::clamp(acc, 0.0f, 255.0f)));
        }
    }
    return out;
}

// The blurred shadow of a w×h rounded rectangle, with `reach` pixels of margin all round.
QPixmap shadowPixmap(int w, int h, double radius, const ShadowSpec& spec) {
    const QString key = QStringLiteral("coroscope-shadow:%1:%2:%3:%4:%5")
                            .arg(w)
                            .arg(h)
                            .arg(radius)
                            .arg(spec.blur)
                            .arg(spec.color.rgba());
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    const int reach = int(std::ceil(shadowReach(spec)));
    QImage shape(w + 2 * reach, h + 2 * reach, QImage::Format_ARGB32_Premultiplied);
    shape.fill(Qt::transparent);
    {
        QPainter p(&shape);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::black);
        p.drawRoundedRect(QRectF(reach, reach, w, h), radius, radius);
    }
    const QImage alpha = blurAlpha(shape, spec.blur / 2);
    QImage tinted(alpha.size(), QImage::Format_ARGB32_Premultiplied);
    tinted.fill(Qt::transparent);
    {
        QPainter p(&tinted);
        p.fillRect(tinted.rect(), spec.color);
        p.setCompositionMode(QPainter::CompositionMode_DestinationIn);
        p.drawImage(0, 0, alpha);
    }
    pixmap = QPixmap::fromImage(tinted);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

} // namespace

double shadowReach(const ShadowSpec& spec) {
    return spec.blur + 1;
}

void paintSoftShadow(QPainter* painter, const QRectF& shape, double radius,
                     const ShadowSpec& spec) {
    // SVG has no blur here: thousands of embedded bitmaps would bloat the file for a shade
    // that slides and print do without.
    if (painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::SVG)
        return;
    const double reach = std::ceil(shadowReach(spec));
    const int r = int(std::ceil(radius));
    // A 9-slice image: corners hold the rounded, blurred ends; edges and middle stretch.
    const int corner = r + int(2 * reach);
    const QRectF target = shape.translated(0, spec.offsetY).adjusted(-reach, -reach, reach, reach);
    if (target.width() >= 2 * corner + 2 && target.height() >= 2 * corner + 2) {
        const int side = 2 * (r + int(reach)) + 2;
        const QPixmap pixmap = shadowPixmap(side, side, radius, spec);
        const int m = corner;
        const QRectF src(0, 0, pixmap.width(), pixmap.height());
        const double xs[4] = {target.left(), target.left() + m, target.right() - m, target.right()};
        const double ys[4] = {target.top(), target.top() + m, target.bottom() - m, target.bottom()};
        const double sx[4] = {0, double(m), src.width() - m, src.width()};
        const double sy[4] = {0, double(m), src.height() - m, src.height()};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                if (i != 1 || j != 1) // the middle lies under the opaque shape: never seen
                    painter->drawPixmap(QRectF(xs[j], ys[i], xs[j + 1] - xs[j], ys[i + 1] - ys[i]),
                                        pixmap,
                                        QRectF(sx[j], sy[i], sx[j + 1] - sx[j], sy[i + 1] - sy[i]));
        return;
    }
    // Small shapes: an exact image for their (rounded) size.
    const int w = std::max(1, int(std::lround(shape.width())));
    const int h = std::max(1, int(std::lround(shape.height())));
    const double fitted = std::min({radius, w / 2.0, h / 2.0});
    painter->drawPixmap(target, shadowPixmap(w, h, fitted, spec),
                        QRectF(0, 0, w + 2 * reach, h + 2 * reach));
}

} // namespace coroscope
