#include "export/pngwriter.h"

#include <QIODevice>
#include <QImage>
#include <QtEndian>

#include <zlib.h>

#include <array>
#include <vector>

namespace coroscope {

namespace {

class ChunkWriter {
public:
    explicit ChunkWriter(QIODevice& device)
        : device_(device) {}

    bool write(const char type[4], const unsigned char* data, std::size_t size) {
        unsigned char header[8];
        qToBigEndian(quint32(size), header);
        std::copy(type, type + 4, header + 4);
        uLong crc = crc32(0, header + 4, 4);
        if (size > 0) // crc32() with no buffer starts over instead of adding nothing
            crc = crc32(crc, data, uInt(size));
        unsigned char trailer[4];
        qToBigEndian(quint32(crc), trailer);
        return put(header, 8) && put(data, size) && put(trailer, 4);
    }
    bool put(const unsigned char* data, std::size_t size) {
        return size == 0 ||
               device_.write(reinterpret_cast<const char*>(data), qint64(size)) == qint64(size);
    }

private:
    QIODevice& device_;
};

constexpr std::size_t kIdatBytes = 1 << 18;

} // namespace

Result<void> writePng(QIODevice& device, const QImage& source) {
    const bool opaque = !source.hasAlphaChannel();
    // Rows are converted one at a time: no second copy of a picture that may be huge.
    const QImage::Format native =
        opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied;
    const QImage image = source.format() == native ? source : source.convertToFormat(native);
    const int channels = opaque ? 3 : 4;
    auto refused = [&] { return Error{device.errorString().toStdString()}; };

    ChunkWriter out(device);
    static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    unsigned char ihdr[13];
    qToBigEndian(quint32(image.width()), ihdr);
    qToBigEndian(quint32(image.height()), ihdr + 4);
    ihdr[8] = 8;                        // bits per channel
    ihdr[9] = opaque ? 2 : 6;           // RGB or RGBA
    ihdr[10] = ihdr[11] = ihdr[12] = 0; // deflate, adaptive filtering, no interlace
    if (!out.put(kSignature, 8) || !out.write("IHDR", ihdr, sizeof ihdr))
        return refused();

    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK)
        return Error{"the compressor could not start"};
    std::vector<unsigned char> row(1 + std::size_t(image.width()) * std::size_t(channels));
    std::vector<unsigned char> compressed(kIdatBytes);
    bool ok = true;
    auto drain = [&](int flush) {
        do {
            z.next_out = compressed.data();
            z.avail_out = uInt(compressed.size());
            deflate(&z, flush);
            const std::size_t produced = compressed.size() - z.avail_out;
            if (produced > 0 && !out.write("IDAT", compressed.data(), produced))
                ok = false;
        } while (ok && z.avail_out == 0);
    };
    for (int y = 0; y < image.height() && ok; ++y) {
        row[0] = 0; // filter: none
        const auto* pixels = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        unsigned char* to = row.data() + 1;
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = opaque ? pixels[x] : qUnpremultiply(pixels[x]);
            *to++ = uchar(qRed(pixel));
            *to++ = uchar(qGreen(pixel));
            *to++ = uchar(qBlue(pixel));
            if (!opaque)
                *to++ = uchar(qAlpha(pixel));
        }
        z.next_in = row.data();
        z.avail_in = uInt(row.size());
        drain(Z_NO_FLUSH);
    }
    if (ok)
        drain(Z_FINISH);
    deflateEnd(&z);
    if (!ok || !out.write("IEND", nullptr, 0))
        return refused();
    return done();
}

} // namespace coroscope
