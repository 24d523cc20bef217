// The fast PNG encoder: what it writes reads back pixel for pixel, opaque or not.

#include "export/pngwriter.h"
#include "resultchecks.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace coroscope;
using namespace coroscope::test;

namespace {

// Flat runs, a gradient and antialiased edges: what timeline pictures are made of.
QImage sample(QImage::Format format) {
    QImage image(301, 117, format);
    image.fill(format == QImage::Format_RGB32 ? QColor(Qt::white) : QColor(Qt::transparent));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient gradient(0, 0, 300, 116);
    gradient.setColorAt(0, QColor(0x42, 0xa5, 0xf5));
    gradient.setColorAt(1, QColor(0xe5, 0x39, 0x35, 128));
    painter.setBrush(gradient);
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(10.5, 8.25, 270, 90), 45, 45);
    return image;
}

QImage roundTrip(const QImage& image) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    EXPECT_TRUE(succeeded(writePng(buffer, image)));
    QImage read;
    EXPECT_TRUE(read.loadFromData(buffer.data(), "PNG"));
    return read;
}

} // namespace

TEST(PngWriter, OpaqueImagesReadBackExactly) {
    const QImage image = sample(QImage::Format_RGB32);
    const QImage read = roundTrip(image);
    ASSERT_EQ(read.size(), image.size());
    EXPECT_FALSE(read.hasAlphaChannel());
    EXPECT_EQ(read.convertToFormat(QImage::Format_RGB32), image);
}

TEST(PngWriter, TranslucentImagesKeepTheirAlpha) {
    const QImage image = sample(QImage::Format_ARGB32_Premultiplied);
    const QImage read = roundTrip(image);
    ASSERT_EQ(read.size(), image.size());
    EXPECT_TRUE(read.hasAlphaChannel());
    // Un-premultiplying may round differently from Qt's own conversion: one step at most.
    const QImage expected = image.convertToFormat(QImage::Format_ARGB32);
    const QImage actual = read.convertToFormat(QImage::Format_ARGB32);
    int worst = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb a = actual.pixel(x, y);
            const QRgb e = expected.pixel(x, y);
            EXPECT_EQ(qAlpha(a), qAlpha(e));
            for (int d : {qRed(a) - qRed(e), qGreen(a) - qGreen(e), qBlue(a) - qBlue(e)})
                worst = std::max(worst, std::abs(d));
        }
    }
    EXPECT_LE(worst, 1);
}

TEST(PngWriter, ARefusingDeviceIsReported) {
    QBuffer closed; // never opened: every write fails
    QString error;
    EXPECT_TRUE(failedWith(writePng(closed, sample(QImage::Format_RGB32)), &error));
    EXPECT_FALSE(error.isEmpty());
}
