#pragma once

// What a tooltip reads as on screen, whether Qt was given plain or rich text.

#include <QString>
#include <QTextDocument>
#include <Qt>

inline QString shownText(const QString& toolTip) {
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}
