#pragma once

// An SVG document being made, and on its way to the file. SvgBytes gathers text with numbers
// as the document writes them; SvgOutput writes its bytes to the file a megabyte at a time,
// so that memory holds one piece whatever the drawing's size. Once the file refuses a write
// nothing more is written, and finish() fails with the file's reason.

#include "model/result.h"

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

namespace coroscope {

class SvgBytes {
public:
    SvgBytes& operator<<(QByteArrayView text);
    SvgBytes& operator<<(char c);
    // A coordinate or a length: at most three decimals (a thousandth of a pixel), without
    // trailing zeros, whatever its size (a tall picture's y runs into the millions).
    SvgBytes& operator<<(double number);

    const QByteArray& bytes() const { return bytes_; }

protected:
    QByteArray bytes_;
};

class SvgOutput : public SvgBytes {
public:
    explicit SvgOutput(QIODevice& file);

    // Between elements: the gathered piece is written once it is full.
    void elementDone();
    // The rest, written; fails if any write was refused.
    Result<void> finish();

private:
    void write();

    QIODevice& file_;
    bool refused_ = false;
};

} // namespace coroscope
