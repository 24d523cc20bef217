#include "code/codeviewaccessible.h"

#include "code/codeview.h"

#include <QScrollBar>

#include <algorithm>

namespace coroscope {

CodeViewAccessible::CodeViewAccessible(CodeView* view)
    : QAccessibleWidget(view, QAccessible::EditableText) {}

CodeView* CodeViewAccessible::view() const {
    return static_cast<CodeView*>(widget());
}

QAccessible::State CodeViewAccessible::state() const {
    QAccessible::State state = QAccessibleWidget::state();
    state.readOnly = true;
    state.multiLine = true;
    state.selectableText = true;
    return state;
}

void* CodeViewAccessible::interface_cast(QAccessible::InterfaceType type) {
    if (type == QAccessible::TextInterface)
        return static_cast<QAccessibleTextInterface*>(this);
    return QAccessibleWidget::interface_cast(type);
}

void CodeViewAccessible::selection(int selectionIndex, int* startOffset, int* endOffset) const {
    *startOffset = *endOffset = 0;
    if (selectionIndex != 0 || selectionCount() == 0)
        return;
    const auto [from, to] = std::minmax(view()->anchor_, view()->cursor_);
    *startOffset = view()->unitOf(from);
    *endOffset = view()->unitOf(to);
}

int CodeViewAccessible::selectionCount() const {
    return view()->anchor_ != view()->cursor_ ? 1 : 0;
}

void CodeViewAccessible::addSelection(int startOffset, int endOffset) {
    setSelection(0, startOffset, endOffset); // one selection at most
}

void CodeViewAccessible::removeSelection(int selectionIndex) {
    if (selectionIndex == 0)
        view()->moveCursor(view()->cursor_, false);
}

void CodeViewAccessible::setSelection(int selectionIndex, int startOffset, int endOffset) {
    if (selectionIndex != 0)
        return;
    view()->moveCursor(view()->offsetOfUnit(startOffset), false);
    view()->moveCursor(view()->offsetOfUnit(endOffset), true);
}

int CodeViewAccessible::cursorPosition() const {
    return view()->unitOf(view()->cursor_);
}

void CodeViewAccessible::setCursorPosition(int position) {
    view()->moveCursor(view()->offsetOfUnit(position), false);
}

QString CodeViewAccessible::text(int startOffset, int endOffset) const {
    const std::size_t from = view()->offsetOfUnit(startOffset);
    const std::size_t to = view()->offsetOfUnit(std::max(startOffset, endOffset));
    return QString::fromUtf8(view()->text_.data() + from, qsizetype(to - from));
}

QString CodeViewAccessible::textAtOffset(int offset, QAccessible::TextBoundaryType boundaryType,
                                         int* startOffset, int* endOffset) const {
    if (boundaryType != QAccessible::LineBoundary && boundaryType != QAccessible::NoBoundary)
        return QAccessibleTextInterface::textAtOffset(offset, boundaryType, startOffset, endOffset);
    if (boundaryType == QAccessible::NoBoundary) {
        *startOffset = 0;
        *endOffset = characterCount();
    } else { // the line, with its line break, as a text edit gives it
        const std::vector<int>& units = view()->lineUnits();
        const std::size_t line = view()->lineOf(view()->offsetOfUnit(offset));
        *startOffset = units[line];
        *endOffset = units[line + 1];
    }
    return text(*startOffset, *endOffset);
}

int CodeViewAccessible::characterCount() const {
    return view()->lineUnits().back();
}

QRect CodeViewAccessible::characterRect(int offset) const {
    const std::size_t at = view()->offsetOfUnit(offset);
    const int line = int(view()->lineOf(at));
    const QRect before = view()->cursorRect(line, view()->unitInLine(at));
    const QRect after = view()->cursorRect(line, view()->unitInLine(at) + 1);
    const QRect drawn(before.topLeft(),
                      QSize(std::max(after.x() - before.x(), 1), before.height()));
    return drawn.translated(view()->viewport()->mapToGlobal(QPoint(0, 0)));
}

int CodeViewAccessible::offsetAtPoint(const QPoint& point) const {
    return view()->unitOf(view()->offsetAt(view()->viewport()->mapFromGlobal(point)));
}

void CodeViewAccessible::scrollToSubstring(int startIndex, int endIndex) {
    const int line = int(view()->lineOf(view()->offsetOfUnit(startIndex)));
    (void)endIndex; // the start comes into view; the substring may be longer than the view
    QScrollBar* down = view()->verticalScrollBar();
    if (line < view()->firstVisibleLine() || line > view()->lastVisibleLine())
        down->setValue(line - down->pageStep() / 2);
}

QString CodeViewAccessible::attributes(int offset, int* startOffset, int* endOffset) const {
    // One font and colour throughout: no attributes, over the whole text.
    (void)offset;
    *startOffset = 0;
    *endOffset = characterCount();
    return {};
}

void installCodeViewAccessibility() {
    static const bool installed = [] {
        QAccessible::installFactory([](const QString& key, QObject* object) {
            auto* view = qobject_cast<CodeView*>(object);
            return key == QLatin1String("coroscope::CodeView") && view
                       ? static_cast<QAccessibleInterface*>(new CodeViewAccessible(view))
                       : nullptr;
        });
        return true;
    }();
    (void)installed;
}

} // namespace coroscope
