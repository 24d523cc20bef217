#pragma once

// The note above the card while a recording of several asyncio.run calls is open: which run is
// shown ("This recording holds 3 runs of asyncio.run; showing run 1."), and a list to show
// another.

#include "notebar.h"

#include <cstddef>

class QComboBox;

namespace coroscope {

class RunsNote : public NoteBar {
    Q_OBJECT
public:
    explicit RunsNote(QWidget* parent = nullptr);

    // Shows the note for run `shown` (from 1) of `runs`.
    void showRuns(std::size_t runs, std::size_t shown);
    QComboBox* runList() const { return list_; }

signals:
    // The user chose run n (from 1) in the list.
    void runChosen(std::size_t n);

private:
    QComboBox* list_;
};

} // namespace coroscope
