#pragma once

// A read-only code viewer that lays out and paints only the lines in view, so that a program of
// a million lines shows at once: the text stays one UTF-8 buffer with the offset of each line,
// every line is the monospace font's height, and the width to scroll is the widest line's.
// Lines can carry a full-width background; text is selected with the mouse (drag, double-click
// a word, shift-click) or the keyboard and copied exactly (Ctrl+C, the context menu). Screen
// readers read it, its cursor and its selection through codeviewaccessible.h.

#include <QAbstractScrollArea>
#include <QColor>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class QTextLayout;

namespace coroscope {

class CodeView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit CodeView(QWidget* parent = nullptr);
    ~CodeView() override;

    // Replaces the text, keeping the scroll and, where the text did not change, the selection.
    void setText(std::string text);
    QString toPlainText() const;
    int lineCount() const { return int(lineStarts_.size()); }

    // The lines in view (from 0), the last one perhaps partly.
    int firstVisibleLine() const;
    int lastVisibleLine() const;
    // Where a line is drawn, and a cursor before a column of it (in UTF-16 units), in the
    // viewport's coordinates.
    QRect lineRect(int line) const;
    QRect cursorRect(int line, int column) const;

    // A line's full-width background.
    struct Highlight {
        int line = 0;
        QColor color;
        friend bool operator==(const Highlight&, const Highlight&) = default;
    };
    // Top first.
    void setHighlights(std::vector<Highlight> highlights);
    const std::vector<Highlight>& highlights() const { return highlights_; }

    QString selectedText() const;
    void selectAll();
    void copy() const;

signals:
    // A click that selected nothing.
    void lineClicked(int line);
    // Scrolled or resized: other lines are in view.
    void visibleLinesChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    friend class CodeViewAccessible;

    int lineHeight() const;
    std::size_t lineOf(std::size_t offset) const;
    std::size_t lineEnd(std::size_t line) const; // its '\n' or the end of the text
    QString lineText(std::size_t line) const;
    const QTextLayout& layoutOf(std::size_t line) const; // laid out when first needed
    // An offset as a position in its line, in the UTF-16 units a layout counts, and back.
    int unitInLine(std::size_t offset) const;
    std::size_t offsetInLine(std::size_t line, const QString& text, qsizetype unit) const;
    // The offset under a point of the viewport (the nearest line and character).
    std::size_t offsetAt(QPoint point) const;
    // The offset a key moves the cursor to.
    std::size_t movedBy(int key, Qt::KeyboardModifiers modifiers) const;
    void moveCursor(std::size_t offset, bool extend);
    void ensureCursorVisible();
    void updateScrollBars();
    // What screen readers count in: UTF-16 units from the start of the text, and back. The
    // units before each line are counted once a reader first asks, in one pass over the text.
    const std::vector<int>& lineUnits() const;
    int unitOf(std::size_t offset) const;
    std::size_t offsetOfUnit(int unit) const;
    // Tells screen readers, when one listens, where the cursor and the selection went.
    void tellCursorMoved(std::size_t anchorBefore, std::size_t cursorBefore);

    std::string text_;
    std::vector<std::size_t> lineStarts_{0};
    mutable std::vector<int> lineUnits_; // empty until a screen reader asks
    std::size_t widestLine_ = 0;         // the most characters
    mutable std::unordered_map<std::size_t, std::unique_ptr<QTextLayout>> layouts_;
    std::vector<Highlight> highlights_;
    std::size_t anchor_ = 0; // the selection: from the anchor to the cursor, byte offsets
    std::size_t cursor_ = 0;
    bool selecting_ = false; // a left button drag
};

} // namespace coroscope
