#include "export/svgoutput.h"

#include <QIODevice>

#include <charconv>
#include <cmath>

namespace coroscope {

namespace {

constexpr qsizetype kPieceBytes = 1 << 20;

} // namespace

SvgBytes& SvgBytes::operator<<(QByteArrayView text) {
    bytes_.append(text);
    return *this;
}

SvgBytes& SvgBytes::operator<<(char c) {
    bytes_.append(c);
    return *this;
}

SvgBytes& SvgBytes::operator<<(double number) {
    const double rounded = std::round(number * 1000) / 1000;
    char digits[48];
    const auto [end, error] = std::to_chars(std::begin(digits), std::end(digits),
                                            rounded == 0 ? 0.0 : rounded, // never "-0"
                                            std::chars_format::fixed, 3);
    if (!std::isfinite(rounded) || error != std::errc{})
        return *this << '0'; // nothing a viewer could place
    const char* last = end;
    while (last[-1] == '0')
        --last;
    if (last[-1] == '.')
        --last;
    bytes_.append(digits, last - digits);
    return *this;
}

SvgOutput::SvgOutput(QIODevice& file)
    : file_(file) {
    bytes_.reserve(kPieceBytes + 64 * 1024);
}

void SvgOutput::elementDone() {
    if (bytes_.size() >= kPieceBytes)
        write();
}

void SvgOutput::write() {
    if (!refused_ && file_.write(bytes_) != bytes_.size())
        refused_ = true;
    bytes_.resize(0); // its room is kept for the next piece
}

Result<void> SvgOutput::finish() {
    write();
    if (refused_)
        return Error{file_.errorString().toStdString()};
    return done();
}

} // namespace coroscope
