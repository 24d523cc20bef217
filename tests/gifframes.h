#pragma once

// An animated GIF as a viewer sees it, decoded with giflib: each frame's picture and delay.

#include <QImage>
#include <QString>

#include <gif_lib.h>

#include <vector>

namespace coroscope::test {

struct GifFrame {
    QImage image; // RGB32
    int delayCentiseconds;
};

struct GifAnimation {
    bool read = false; // false: not a GIF giflib can read whole
    int width = 0;
    int height = 0;
    bool loops = false; // the Netscape extension asks to loop
    std::vector<GifFrame> frames;
};

inline GifAnimation readGif(const QString& path) {
    GifAnimation animation;
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.toLocal8Bit().constData(), &error);
    if (!gif)
        return animation;
    if (DGifSlurp(gif) == GIF_OK && gif->SColorMap) {
        animation.read = true;
        animation.width = gif->SWidth;
        animation.height = gif->SHeight;
        for (int i = 0; i < gif->ImageCount; ++i) {
            const SavedImage& saved = gif->SavedImages[i];
            for (int e = 0; e < saved.ExtensionBlockCount; ++e)
                if (saved.ExtensionBlocks[e].Function == APPLICATION_EXT_FUNC_CODE &&
                    saved.ExtensionBlocks[e].ByteCount == 11 &&
                    QByteArray(reinterpret_cast<const char*>(saved.ExtensionBlocks[e].Bytes), 11) ==
                        "NETSCAPE2.0")
                    animation.loops = true;
            const ColorMapObject* map =
                saved.ImageDesc.ColorMap ? saved.ImageDesc.ColorMap : gif->SColorMap;
            QImage image(saved.ImageDesc.Width, saved.ImageDesc.Height, QImage::Format_RGB32);
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const GifColorType c =
                        map->Colors[saved.RasterBits[y * saved.ImageDesc.Width + x]];
                    image.setPixel(x, y, qRgb(c.Red, c.Green, c.Blue));
                }
            GraphicsControlBlock control{};
            DGifSavedExtensionToGCB(gif, i, &control);
            animation.frames.push_back({image, control.DelayTime});
        }
    }
    DGifCloseFile(gif, &error);
    return animation;
}

// How far two pictures of one size are apart: the largest difference of a channel, and the
// mean difference over every channel of every pixel.
struct PictureDifference {
    int largest = 0;
    double mean = 0;
};

inline PictureDifference differenceOf(const QImage& a, const QImage& b) {
    PictureDifference difference;
    const QImage left = a.convertToFormat(QImage::Format_RGB32);
    const QImage right = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int y = 0; y < left.height(); ++y)
        for (int x = 0; x < left.width(); ++x) {
            const QRgb p = left.pixel(x, y), q = right.pixel(x, y);
            for (const int d : {qRed(p) - qRed(q), qGreen(p) - qGreen(q), qBlue(p) - qBlue(q)}) {
                difference.largest = std::max(difference.largest, std::abs(d));
                sum += std::abs(d);
            }
        }
    difference.mean = sum / (3.0 * left.width() * left.height());
    return difference;
}

} // namespace coroscope::test
