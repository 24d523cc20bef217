#pragma once

// What a screen reader reads of a CodeView: read-only text with its cursor and selection, by
// character, word, line or the whole, and where each character is drawn. Positions are UTF-16
// units from the start of the text, as Qt's accessibility counts them.

#include <QAccessibleWidget>

namespace coroscope {

class CodeView;

class CodeViewAccessible final : public QAccessibleWidget, public QAccessibleTextInterface {
public:
    explicit CodeViewAccessible(CodeView* view);

    QAccessible::State state() const override;
    void* interface_cast(QAccessible::InterfaceType type) override;

    // QAccessibleTextInterface
    void selection(int selectionIndex, int* startOffset, int* endOffset) const override;
    int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    int cursorPosition() const override;
    void setCursorPosition(int position) override;
    QString text(int startOffset, int endOffset) const override;
    QString textAtOffset(int offset, QAccessible::TextBoundaryType boundaryType, int* startOffset,
                         int* endOffset) const override;
    int characterCount() const override;
    QRect characterRect(int offset) const override;
    int offsetAtPoint(const QPoint& point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    QString attributes(int offset, int* startOffset, int* endOffset) const override;

private:
    CodeView* view() const;
};

// Makes Qt's accessibility ask CodeViewAccessible for every CodeView (once per process).
void installCodeViewAccessibility();

} // namespace coroscope
