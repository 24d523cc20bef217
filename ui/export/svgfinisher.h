#pragma once

// QSvgGenerator's output on its way to the file, finished as it passes: the root element sized
// in pixels (the generator sizes the page in millimetres: 1040 px become 275.167mm, which
// browsers round up to 1041 px), and our text elements put before the closing </svg>. Only
// the start (until the root element) and the last bytes are held back: a big run's drawing
// goes straight through, never copied whole.

#include "model/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QSizeF>

namespace coroscope {

class SvgFinisher final : public QIODevice {
public:
    SvgFinisher(QIODevice& file, QSizeF size, QByteArray text);

    // After the generator has written all: the held-back end, with the text before </svg>.
    // Fails with the file's errorString() if a write was refused, or if the drawing has no
    // root element or no end.
    Result<void> finish();
    // The drawing was stopped: what the generator still writes as its painter ends (the whole
    // document) goes nowhere, rather than into a file that is not kept.
    void abandon() { abandoned_ = true; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override;

private:
    // Takes bytes into the start until the root element is complete (or kStartBytes have
    // come without it); the count taken.
    qint64 takeStart(const char* data, qint64 size);
    void put(const char* data, qint64 size);

    QIODevice& file_;
    QByteArray root_; // <svg width="…" height="…", in pixels
    QByteArray text_;
    QByteArray start_; // until the root element has been rewritten
    bool started_ = false;
    QByteArray end_; // the last bytes seen, where </svg> is
    bool refused_ = false;
    bool abandoned_ = false;
};

} // namespace coroscope
