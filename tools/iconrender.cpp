// iconrender: renders the SVG app icon to the PNG sizes desktops want, at build time, so the
// SVG stays the single source of the icon.
//
//   iconrender IN.svg OUTDIR SIZE...
//
// writes OUTDIR/SIZExSIZE/apps/coroscope.png for each SIZE (the hicolor theme's layout).
// Exit status: 0 success, 1 an unreadable SVG or an unwritable PNG, 2 a usage error.

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[]) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: iconrender IN.svg OUTDIR SIZE...\n");
        return 2;
    }
    // Plain shapes need no application object: the raster engine draws into a QImage.
    QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "iconrender: %s: not a valid SVG\n", argv[1]);
        return 1;
    }
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    for (int i = 3; i < argc; ++i) {
        char* end = nullptr;
        const long size = std::strtol(argv[i], &end, 10);
        if (*end != '\0' || size < 1 || size > 4096) {
            std::fprintf(stderr, "iconrender: '%s' is not a size from 1 to 4096\n", argv[i]);
            return 2;
        }
        const int pixels = static_cast<int>(size);
        QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter, QRectF(0, 0, pixels, pixels));
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(outDir).arg(size);
        const QString file = dir + QStringLiteral("/coroscope.png");
        if (!QDir().mkpath(dir) || !image.save(file, "PNG")) {
            std::fprintf(stderr, "iconrender: %s: cannot be written\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
