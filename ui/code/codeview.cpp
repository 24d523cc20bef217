#include "code/codeview.h"

#include "code/codeviewaccessible.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>
#include <cstring>

namespace coroscope {

namespace {

constexpr int kMargin = 4; // around the text, as a text edit's document margin
// Lines laid out are kept for the frames to come, a few screenfuls of them.
constexpr std::size_t kLayoutsKept = 512;

bool continuesCharacter(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

std::size_t charactersIn(std::string_view bytes) {
    return std::size_t(std::count_if(bytes.begin(), bytes.end(),
                                     [](char byte) { return !continuesCharacter(byte); }));
}

// The lengths of the longest common head and tail of two texts, the head cut back to where a
// line begins so that a position in it is one in both.
std::pair<std::size_t, std::size_t> commonEnds(const std::string& before,
                                               const std::string& after) {
    const std::size_t shorter = std::min(before.size(), after.size());
    std::size_t head = std::size_t(
        std::mismatch(before.begin(), before.begin() + std::ptrdiff_t(shorter), after.begin())
            .first -
        before.begin());
    head = head == 0 ? 0 : before.rfind('\n', head - 1) + 1; // npos + 1 is 0
    const std::size_t tail =
        std::size_t(std::mismatch(before.rbegin(), before.rbegin() + std::ptrdiff_t(shorter - head),
                                  after.rbegin())
                        .first -
                    before.rbegin());
    return {head, tail};
}

} // namespace

CodeView::CodeView(QWidget* parent)
    : QAbstractScrollArea(parent) {
    installCodeViewAccessibility();
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &CodeView::visibleLinesChanged);
}

CodeView::~CodeView() = default;

void CodeView::setText(std::string text) {
    // The selection stays on the text that did not change; inside the change it collapses.
    const auto [head, tail] = commonEnds(text_, text);
    const auto kept = [&, head = head, tail = tail](std::size_t offset) {
        if (offset <= head)
            return offset;
        if (offset >= text_.size() - tail)
            return offset + text.size() - text_.size();
        return head;
    };
    const std::size_t anchorBefore = anchor_, cursorBefore = cursor_;
    anchor_ = kept(anchor_);
    cursor_ = kept(cursor_);
    // Screen readers hear what changed: the part between the common head and tail.
    const bool told = QAccessible::isActive();
    const QString removed =
        told ? QString::fromUtf8(text_.data() + head, qsizetype(text_.size() - tail - head))
             : QString();
    text_ = std::move(text);
    layouts_.clear();
    lineUnits_.clear();
    lineStarts_.assign(1, 0);
    for (const char* at = text_.data();
         const void* found =
             std::memchr(at, '\n', std::size_t(text_.data() + text_.size() - at));) {
        at = static_cast<const char*>(found) + 1;
        lineStarts_.push_back(std::size_t(at - text_.data()));
    }
    // A line has no more characters than bytes: only a line of more bytes than the widest so far
    // has characters is counted, so this is a pass over the line offsets, not the text.
    widestLine_ = 0;
    std::size_t widest = 0;
    for (std::size_t line = 0; line < lineStarts_.size(); ++line) {
        const std::size_t bytes = lineEnd(line) - lineStarts_[line];
        if (bytes <= widest)
            continue;
        const std::size_t characters =
            charactersIn(std::string_view(text_).substr(lineStarts_[line], bytes));
        if (characters > widest) {
            widest = characters;
            widestLine_ = line;
        }
    }
    updateScrollBars();
    viewport()->update();
    if (told) {
        QAccessibleTextUpdateEvent changed(
            this, unitOf(head), removed,
            QString::fromUtf8(text_.data() + head, qsizetype(text_.size() - tail - head)));
        QAccessible::updateAccessibility(&changed);
        tellCursorMoved(anchorBefore, cursorBefore);
    }
}

QString CodeView::toPlainText() const {
    return QString::fromUtf8(text_);
}

int CodeView::firstVisibleLine() const {
    return verticalScrollBar()->value();
}

int CodeView::lastVisibleLine() const {
    const int inView = std::max(viewport()->height() - kMargin - 1, 0) / lineHeight();
    return std::min(firstVisibleLine() + inView, lineCount() - 1);
}

QRect CodeView::lineRect(int line) const {
    return {0, kMargin + (line - firstVisibleLine()) * lineHeight(), viewport()->width(),
            lineHeight()};
}

QRect CodeView::cursorRect(int line, int column) const {
    const int x = kMargin - horizontalScrollBar()->value() +
                  int(layoutOf(std::size_t(line)).lineAt(0).cursorToX(column));
    return {x, lineRect(line).top(), 1, lineHeight()};
}

void CodeView::setHighlights(std::vector<Highlight> highlights) {
    // Only the lines whose background changes are painted again (both lists go top first).
    auto before = highlights_.cbegin();
    auto after = highlights.cbegin();
    const auto repaint = [&](auto& at) { viewport()->update(lineRect((at++)->line)); };
    while (before != highlights_.cend() || after != highlights.cend()) {
        if (after == highlights.cend() ||
            (before != highlights_.cend() && before->line < after->line))
            repaint(before);
        else if (before == highlights_.cend() || after->line < before->line)
            repaint(after);
        else if (before->color != after->color)
            ++before, repaint(after);
        else
            ++before, ++after;
    }
    highlights_ = std::move(highlights);
}

QString CodeView::selectedText() const {
    const auto [from, to] = std::minmax(anchor_, cursor_);
    return QString::fromUtf8(text_.data() + from, qsizetype(to - from));
}

void CodeView::selectAll() {
    const std::size_t anchorBefore = anchor_, cursorBefore = cursor_;
    anchor_ = 0;
    cursor_ = text_.size();
    viewport()->update();
    tellCursorMoved(anchorBefore, cursorBefore);
}

void CodeView::copy() const {
    if (anchor_ != cursor_)
        QApplication::clipboard()->setText(selectedText());
}

void CodeView::paintEvent(QPaintEvent* event) {
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Text));
    const auto [from, to] = std::minmax(anchor_, cursor_);
    QTextCharFormat selected;
    selected.setBackground(palette().brush(QPalette::Highlight));
    selected.setForeground(palette().brush(QPalette::HighlightedText));
    auto highlight =
        std::partition_point(highlights_.begin(), highlights_.end(),
                             [&](const Highlight& h) { return h.line < firstVisibleLine(); });
    for (int line = firstVisibleLine(); line <= lastVisibleLine(); ++line) {
        const QRect band = lineRect(line);
        for (; highlight != highlights_.end() && highlight->line < line; ++highlight) {
        }
        if (!event->region().intersects(band))
            continue; // a frame paints only the lines whose highlight changed
        for (auto lit = highlight; lit != highlights_.end() && lit->line == line; ++lit)
            painter.fillRect(band, lit->color);
        const std::size_t start = lineStarts_[std::size_t(line)];
        const std::size_t end = lineEnd(std::size_t(line));
        QList<QTextLayout::FormatRange> selection;
        if (from < to && from <= end && to > start) {
            const int first = unitInLine(std::max(from, start));
            selection.push_back({first, unitInLine(std::min(to, end)) - first, selected});
        }
        const QTextLayout& layout = layoutOf(std::size_t(line));
        const QPointF origin(kMargin - horizontalScrollBar()->value(), band.top());
        layout.draw(&painter, origin, selection);
        if (hasFocus() && cursor_ >= start && cursor_ <= end)
            layout.drawCursor(&painter, origin, unitInLine(cursor_));
    }
}

void CodeView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    emit visibleLinesChanged();
}

void CodeView::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        layouts_.clear();
        updateScrollBars();
    }
}

void CodeView::keyPressEvent(QKeyEvent* event) {
    if (event == QKeySequence::Copy)
        return copy();
    if (event == QKeySequence::SelectAll)
        return selectAll();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Home:
    case Qt::Key_End:
        return moveCursor(movedBy(event->key(), event->modifiers()),
                          event->modifiers().testFlag(Qt::ShiftModifier));
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void CodeView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return;
    selecting_ = true;
    moveCursor(offsetAt(event->position().toPoint()),
               event->modifiers().testFlag(Qt::ShiftModifier));
}

void CodeView::mouseMoveEvent(QMouseEvent* event) {
    if (selecting_ && event->buttons().testFlag(Qt::LeftButton))
        moveCursor(offsetAt(event->position().toPoint()), true);
}

void CodeView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !selecting_)
        return;
    selecting_ = false;
    if (anchor_ == cursor_) // a click, not the end of a drag that selects text to copy
        emit lineClicked(int(lineOf(cursor_)));
}

void CodeView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return;
    const std::size_t at = offsetAt(event->position().toPoint());
    const std::size_t line = lineOf(at);
    const QString text = lineText(line);
    const auto inWord = [&](qsizetype i) { return text[i].isLetterOrNumber() || text[i] == '_'; };
    qsizetype first = unitInLine(at);
    qsizetype last = first;
    while (first > 0 && inWord(first - 1))
        --first;
    while (last < text.size() && inWord(last))
        ++last;
    moveCursor(offsetInLine(line, text, first), false);
    moveCursor(offsetInLine(line, text, last), true);
}

void CodeView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* copying = menu.addAction(tr("&Copy"), this, &CodeView::copy);
    copying->setShortcut(QKeySequence::Copy);
    copying->setEnabled(anchor_ != cursor_);
    menu.addSeparator();
    menu.addAction(tr("Select All"), this, &CodeView::selectAll)
        ->setShortcut(QKeySequence::SelectAll);
    menu.exec(event->globalPos());
}

const QTextLayout& CodeView::layoutOf(std::size_t line) const {
    if (layouts_.size() > kLayoutsKept)
        layouts_.clear();
    std::unique_ptr<QTextLayout>& layout = layouts_[line];
    if (!layout) {
        layout = std::make_unique<QTextLayout>(lineText(line), font(), viewport());
        QTextOption option;
        option.setWrapMode(QTextOption::NoWrap);
        layout->setTextOption(option);
        layout->beginLayout();
        layout->createLine(); // laid out whole by endLayout()
        layout->endLayout();
    }
    return *layout;
}

int CodeView::lineHeight() const {
    return std::max(fontMetrics().lineSpacing(), 1);
}

std::size_t CodeView::lineOf(std::size_t offset) const {
    return std::size_t(std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset) -
                       lineStarts_.begin()) -
           1;
}

std::size_t CodeView::lineEnd(std::size_t line) const {
    return line + 1 < lineStarts_.size() ? lineStarts_[line + 1] - 1 : text_.size();
}

QString CodeView::lineText(std::size_t line) const {
    return QString::fromUtf8(text_.data() + lineStarts_[line],
                             qsizetype(lineEnd(line) - lineStarts_[line]));
}

int CodeView::unitInLine(std::size_t offset) const {
    const std::size_t start = lineStarts_[lineOf(offset)];
    return int(QString::fromUtf8(text_.data() + start, qsizetype(offset - start)).size());
}

std::size_t CodeView::offsetInLine(std::size_t line, const QString& text, qsizetype unit) const {
    return lineStarts_[line] + std::size_t(text.left(unit).toUtf8().size());
}

std::size_t CodeView::offsetAt(QPoint point) const {
    const int y = point.y() - kMargin;
    const int row = (y < 0 ? y - lineHeight() + 1 : y) / lineHeight(); // rounded down
    const auto line = std::size_t(std::clamp(firstVisibleLine() + row, 0, lineCount() - 1));
    const QString text = lineText(line);
    return offsetInLine(
        line, text,
        layoutOf(line).lineAt(0).xToCursor(point.x() - kMargin + horizontalScrollBar()->value()));
}

std::size_t CodeView::movedBy(int key, Qt::KeyboardModifiers modifiers) const {
    const std::size_t line = lineOf(cursor_);
    const bool whole = modifiers.testFlag(Qt::ControlModifier);
    switch (key) {
    case Qt::Key_Left: {
        std::size_t at = cursor_ == 0 ? 0 : cursor_ - 1;
        while (at > 0 && continuesCharacter(text_[at]))
            --at;
        return at;
    }
    case Qt::Key_Right: {
        std::size_t at = std::min(cursor_ + 1, text_.size());
        while (at < text_.size() && continuesCharacter(text_[at]))
            ++at;
        return at;
    }
    case Qt::Key_Home:
        return whole ? 0 : lineStarts_[line];
    case Qt::Key_End:
        return whole ? text_.size() : lineEnd(line);
    default: { // up or down a line or a page, to the same column or the line's end
        const int lines = key == Qt::Key_Up || key == Qt::Key_Down
                              ? 1
                              : std::max(verticalScrollBar()->pageStep() - 1, 1);
        const int down = key == Qt::Key_Down || key == Qt::Key_PageDown ? lines : -lines;
        const auto target = std::size_t(std::clamp(int(line) + down, 0, lineCount() - 1));
        std::size_t column = charactersIn(
            std::string_view(text_).substr(lineStarts_[line], cursor_ - lineStarts_[line]));
        std::size_t at = lineStarts_[target];
        for (const std::size_t end = lineEnd(target); at < end && column > 0; --column)
            for (++at; at < end && continuesCharacter(text_[at]);)
                ++at;
        return at;
    }
    }
}

void CodeView::moveCursor(std::size_t offset, bool extend) {
    const std::size_t anchorBefore = anchor_, cursorBefore = cursor_;
    cursor_ = offset;
    if (!extend)
        anchor_ = offset;
    ensureCursorVisible();
    viewport()->update();
    tellCursorMoved(anchorBefore, cursorBefore);
}

void CodeView::tellCursorMoved(std::size_t anchorBefore, std::size_t cursorBefore) {
    if (!QAccessible::isActive())
        return;
    if (cursor_ != cursorBefore) {
        QAccessibleTextCursorEvent moved(this, unitOf(cursor_));
        QAccessible::updateAccessibility(&moved);
    }
    if (anchor_ != anchorBefore || cursor_ != cursorBefore) {
        const auto [from, to] = std::minmax(anchor_, cursor_);
        QAccessibleTextSelectionEvent selected(this, unitOf(from), unitOf(to));
        selected.setCursorPosition(unitOf(cursor_));
        QAccessible::updateAccessibility(&selected);
    }
}

const std::vector<int>& CodeView::lineUnits() const {
    if (lineUnits_.empty()) {
        lineUnits_.reserve(lineStarts_.size() + 1);
        int units = 0;
        for (std::size_t line = 0; line < lineStarts_.size(); ++line) {
            lineUnits_.push_back(units);
            const std::size_t end =
                line + 1 < lineStarts_.size() ? lineStarts_[line + 1] : text_.size();
            for (std::size_t at = lineStarts_[line]; at < end; ++at) {
                const auto byte = static_cast<unsigned char>(text_[at]);
                // A character is one unit, one past U+FFFF (a 4-byte sequence) two.
                units += continuesCharacter(char(byte)) ? 0 : byte >= 0xF0 ? 2 : 1;
            }
        }
        lineUnits_.push_back(units); // the whole text's
    }
    return lineUnits_;
}

int CodeView::unitOf(std::size_t offset) const {
    return lineUnits()[lineOf(offset)] + unitInLine(offset);
}

std::size_t CodeView::offsetOfUnit(int unit) const {
    const std::vector<int>& units = lineUnits();
    unit = std::clamp(unit, 0, units.back());
    // The last line starting at or before the unit.
    const auto line =
        std::size_t(std::upper_bound(units.begin(), units.end() - 1, unit) - units.begin() - 1);
    return offsetInLine(line, lineText(line), unit - units[line]);
}

void CodeView::ensureCursorVisible() {
    const int line = int(lineOf(cursor_));
    const int fullLines = verticalScrollBar()->pageStep();
    if (line < firstVisibleLine())
        verticalScrollBar()->setValue(line);
    else if (line >= firstVisibleLine() + fullLines)
        verticalScrollBar()->setValue(line - fullLines + 1);
    const int x = cursorRect(line, unitInLine(cursor_)).x();
    QScrollBar* across = horizontalScrollBar();
    if (x < kMargin)
        across->setValue(across->value() + x - kMargin);
    else if (const int right = viewport()->width() - kMargin - 1; x > right)
        across->setValue(across->value() + x - right);
}

void CodeView::updateScrollBars() {
    const int fullLines = std::max((viewport()->height() - kMargin) / lineHeight(), 1);
    verticalScrollBar()->setRange(0, std::max(lineCount() - fullLines, 0));
    verticalScrollBar()->setPageStep(fullLines);
    const int width = fontMetrics().horizontalAdvance(lineText(widestLine_)) + 2 * kMargin + 1;
    horizontalScrollBar()->setRange(0, std::max(width - viewport()->width(), 0));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(std::max(fontMetrics().averageCharWidth(), 1));
}

} // namespace coroscope
