#include "export/pngwriter.h"

#include <QIODevice>
#include <QImage>
#include <QtEndian>

#include <algorithm>

namespace coroscope {

namespace {

constexpr std::size_t kIdatBytes = 1 << 18;
const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

} // namespace

PngStream::PngStream(QIODevice& device, int width, int height, bool opaque)
    : device_(device)
    , width_(width)
    , opaque_(opaque)
    , row_(1 + std::size_t(width) * (opaque ? 3 : 4))
    , compressed_(kIdatBytes) {
    unsigned char ihdr[13];
    qToBigEndian(quint32(width), ihdr);
    qToBigEndian(quint32(height), ihdr + 4);
    ihdr[8] = 8;                        // bits per channel
    ihdr[9] = opaque ? 2 : 6;           // RGB or RGBA
    ihdr[10] = ihdr[11] = ihdr[12] = 0; // deflate, adaptive filtering, no interlace
    started_ = deflateInit2(&z_, 1, Z_DEFLATED, 15, 8, Z_RLE) == Z_OK &&
               device_.write(reinterpret_cast<const char*>(kSignature), 8) == 8 &&
               chunk("IHDR", ihdr, sizeof ihdr);
    if (started_)
        compressor_ = std::thread([this] { compressBands(); });
}

PngStream::~PngStream() {
    {
        const std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    if (compressor_.joinable())
        compressor_.join();
    deflateEnd(&z_);
}

void PngStream::compressBands() {
    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !bands_.empty() || closing_; });
        if (bands_.empty())
            return; // closing, and nothing left
        const Band band = bands_.front();
        const bool failed = failure_.has_value();
        lock.unlock();
        // After a failure the rest is only taken off the queue: nothing more is written.
        const Result<void> done = failed ? Result<void>() : compress(band);
        lock.lock();
        bands_.pop_front();
        if (!done && !failure_)
            failure_ = done.error();
        changed_.notify_all();
    }
}

Error PngStream::notStarted() const {
    return Error{device_.errorString().isEmpty() ? "the compressor could not start"
                                                 : device_.errorString().toStdString()};
}

Result<void> PngStream::chunk(const char type[4], const unsigned char* data, std::size_t size) {
    unsigned char header[8];
    qToBigEndian(quint32(size), header);
    std::copy(type, type + 4, header + 4);
    uLong crc = crc32(0, header + 4, 4);
    if (size > 0) // crc32() with no buffer starts over instead of adding nothing
        crc = crc32(crc, data, uInt(size));
    unsigned char trailer[4];
    qToBigEndian(quint32(crc), trailer);
    const auto put = [&](const unsigned char* bytes, std::size_t count) {
        return count == 0 ||
               device_.write(reinterpret_cast<const char*>(bytes), qint64(count)) == qint64(count);
    };
    if (!put(header, 8) || !put(data, size) || !put(trailer, 4))
        return Error{device_.errorString().toStdString()};
    return done();
}

Result<void> PngStream::drain(int flush) {
    do {
        z_.next_out = compressed_.data();
        z_.avail_out = uInt(compressed_.size());
        deflate(&z_, flush);
        const std::size_t produced = compressed_.size() - z_.avail_out;
        if (produced > 0)
            if (Result<void> written = chunk("IDAT", compressed_.data(), produced); !written)
                return written;
    } while (z_.avail_out == 0);
    return done();
}

Result<void> PngStream::addRows(const QImage& source, int rows) {
    if (!started_)
        return notStarted();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return bands_.size() < 2 || failure_; });
    if (failure_)
        return *failure_;
    // Shared, not copied: the caller's next drawing into its band detaches it.
    bands_.push_back({source, rows});
    changed_.notify_all();
    return done();
}

Result<void> PngStream::compress(const Band& source) {
    const QImage::Format native =
        opaque_ ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied;
    const QImage band =
        source.image.format() == native ? source.image : source.image.convertToFormat(native);
    for (int y = 0; y < source.rows; ++y) {
        row_[0] = 0; // filter: none
        const auto* pixels = reinterpret_cast<const QRgb*>(band.constScanLine(y));
        unsigned char* to = row_.data() + 1;
        for (int x = 0; x < width_; ++x) {
            const QRgb pixel = opaque_ ? pixels[x] : qUnpremultiply(pixels[x]);
            *to++ = uchar(qRed(pixel));
            *to++ = uchar(qGreen(pixel));
            *to++ = uchar(qBlue(pixel));
            if (!opaque_)
                *to++ = uchar(qAlpha(pixel));
        }
        z_.next_in = row_.data();
        z_.avail_in = uInt(row_.size());
        if (Result<void> drained = drain(Z_NO_FLUSH); !drained)
            return drained;
    }
    return done();
}

Result<void> PngStream::finish() {
    if (!started_)
        return notStarted();
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return bands_.empty(); });
        if (failure_)
            return *failure_;
    }
    if (Result<void> drained = drain(Z_FINISH); !drained)
        return drained;
    return chunk("IEND", nullptr, 0);
}

Result<void> writePng(QIODevice& device, const QImage& image) {
    PngStream png(device, image.width(), image.height(), !image.hasAlphaChannel());
    if (Result<void> rows = png.addRows(image, image.height()); !rows)
        return rows;
    return png.finish();
}

} // namespace coroscope
