#include "export/svgfinisher.h"

#include <QRegularExpression>

#include <utility>

namespace coroscope {

namespace {

// The root element is near the start, in ASCII: character and byte offsets agree.
constexpr qsizetype kStartBytes = 4096;
// The generator ends with "</g>\n</svg>\n": the closing tag is among the last bytes.
constexpr qsizetype kEndBytes = 64;
const QByteArray kClose = "</svg>";

Error noDrawing() {
    return Error{"the SVG generator wrote no drawing"};
}

} // namespace

SvgFinisher::SvgFinisher(QIODevice& file, QSizeF size, QByteArray text)
    : file_(file)
    , root_(QStringLiteral(R"(<svg width="%1" height="%2")")
                .arg(QString::number(size.width()), QString::number(size.height()))
                .toUtf8())
    , text_(std::move(text)) {
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

void SvgFinisher::put(const char* data, qint64 size) {
    if (!refused_ && !abandoned_ && size > 0 && file_.write(data, size) != size)
        refused_ = true;
}

qint64 SvgFinisher::takeStart(const char* data, qint64 size) {
    static const QRegularExpression root(QStringLiteral(R"(<svg width="[^"]*" height="[^"]*")"));
    const qint64 taken = std::min(size, kStartBytes - start_.size());
    start_.append(data, taken);
    const QRegularExpressionMatch sized = root.match(QString::fromLatin1(start_));
    if (sized.hasMatch()) {
        put(start_.constData(), sized.capturedStart());
        put(root_.constData(), root_.size());
        // What follows the root's size goes the way of the drawing, by the end held back.
        const QByteArray rest = start_.mid(sized.capturedEnd());
        start_.clear();
        started_ = true;
        end_ = rest;
    }
    return taken;
}

qint64 SvgFinisher::writeData(const char* data, qint64 size) {
    qint64 offset = 0;
    if (!started_ && start_.size() < kStartBytes)
        offset = takeStart(data, size);
    if (!started_)
        return size; // still looking for the root, or it never came: finish() says so
    const qint64 rest = size - offset;
    if (rest >= kEndBytes) {
        put(end_.constData(), end_.size());
        put(data + offset, rest - kEndBytes);
        end_ = QByteArray(data + size - kEndBytes, kEndBytes);
    } else {
        end_.append(data + offset, rest);
        if (end_.size() > kEndBytes) {
            put(end_.constData(), end_.size() - kEndBytes);
            end_.remove(0, end_.size() - kEndBytes);
        }
    }
    return size;
}

Result<void> SvgFinisher::finish() {
    const qsizetype close = end_.lastIndexOf(kClose);
    if (!started_ || close < 0)
        return noDrawing();
    put(end_.constData(), close);
    put(text_.constData(), text_.size());
    put(end_.constData() + close, end_.size() - close);
    if (refused_)
        return Error{file_.errorString().toStdString()};
    return done();
}

} // namespace coroscope
