#pragma once

// A note above the card about what is shown (an example's paragraph, the runs of a recording):
// a panel in the palette's alternate base (a tone off the window's own, in either theme), its
// words in plain, wrapping text, and the note's own controls to their right. Hidden until shown.

#include <QFrame>

class QHBoxLayout;
class QLabel;

namespace coroscope {

class NoteBar : public QFrame {
public:
    explicit NoteBar(QWidget* parent = nullptr);

    QString text() const;

protected:
    // Sets the words and shows the note.
    void showWords(const QString& text);
    QLabel* words() const { return label_; }
    // The row the words lead: a note adds its controls after them.
    QHBoxLayout* row() const { return row_; }

private:
    QLabel* label_;
    QHBoxLayout* row_;
};

} // namespace coroscope
