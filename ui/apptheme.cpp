#include "apptheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace coroscope {

QString themeChoiceName(ThemeChoice choice) {
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeChoice themeChoiceFromName(const QString& name) {
    for (ThemeChoice choice : {ThemeChoice::Light, ThemeChoice::Dark})
        if (name == themeChoiceName(choice))
            return choice;
    return ThemeChoice::System;
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::WindowText).lightness() >
           palette.color(QPalette::Window).lightness();
}

QPalette darkPalette() {
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor dimmed(0x80, 0x80, 0x80);
    // Lists and fields on the card's grey, so that the panel and the card look alike.
    const QColor base = style::Theme::dark().card;
    // (windowText, button, light, dark, mid, text, brightText, base, window)
    QPalette palette(text, window, window.lighter(150), window.darker(150), window.darker(130),
                     text, Qt::white, base, window);
    palette.setColor(QPalette::Midlight, window.lighter(125));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::AlternateBase, base.lighter(115));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    // Qt's default dark blue links are hard to read on grey.
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xee));
    palette.setColor(QPalette::LinkVisited, QColor(0xb0, 0x9c, 0xe8));
    QColor placeholder = text;
    placeholder.setAlpha(128);
    palette.setColor(QPalette::PlaceholderText, placeholder);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, dimmed);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, dimmed);
    return palette;
}

void applyApplicationPalette(ThemeChoice choice) {
    static bool ours = false; // whether the application palette is one set here
    switch (choice) {
    case ThemeChoice::System:
        if (ours)
            QApplication::setPalette(QPalette()); // no role set: the platform's palette
        ours = false;
        return;
    case ThemeChoice::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case ThemeChoice::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
    ours = true;
}

const style::Theme& cardTheme(ThemeChoice choice) {
    const bool dark = choice == ThemeChoice::Dark ||
                      (choice == ThemeChoice::System && isDarkPalette(QApplication::palette()));
    return dark ? style::Theme::dark() : style::Theme::light();
}

} // namespace coroscope
