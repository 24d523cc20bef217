#pragma once

// A PNG encoder built for speed on big timeline pictures: no per-row filter search and
// zlib's run-length strategy, which suits their long runs of flat colour. libpng through
// QImageWriter spends most of its time choosing filters (measured: 77 % of a 1,000-task
// export). It takes the picture a band of rows at a time, so that a tall picture never has
// to be in memory whole, and compresses on a thread of its own while the next band is drawn.

#include "model/result.h"

#include <QImage>

#include <zlib.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

class QIODevice;

namespace coroscope {

class PngStream {
public:
    // An opaque picture is written as 8-bit RGB, any other as 8-bit RGBA.
    PngStream(QIODevice& device, int width, int height, bool opaque);
    ~PngStream();
    PngStream(const PngStream&) = delete;
    PngStream& operator=(const PngStream&) = delete;

    // The next `rows` rows of the picture, from the top of `band` (as wide as the picture);
    // compressed in the background. Fails with an earlier band's failure, if any.
    Result<void> addRows(const QImage& band, int rows);
    // After the last row: the end of the file, once every band is compressed.
    Result<void> finish();

private:
    struct Band {
        QImage image;
        int rows;
    };
    // Why nothing can be written: the device refused the header, or zlib did not start.
    Error notStarted() const;
    void compressBands();
    Result<void> compress(const Band& band);
    Result<void> drain(int flush);
    Result<void> chunk(const char type[4], const unsigned char* data, std::size_t size);

    QIODevice& device_;
    int width_;
    bool opaque_;
    bool started_ = false;
    z_stream z_{};
    std::vector<unsigned char> row_;
    std::vector<unsigned char> compressed_;
    // Bands handed over and not yet compressed (at most two: memory stays bounded).
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Band> bands_;
    bool closing_ = false;
    std::optional<Error> failure_;
    std::thread compressor_;
};

// A whole image at once. Fails with the device's reason when it refuses the bytes.
Result<void> writePng(QIODevice& device, const QImage& image);

} // namespace coroscope
