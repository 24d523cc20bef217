#pragma once

// The window's colours: what the user chose in View ▸ Theme, the application palette that goes
// with it (so that menus, the panel, the playback bar and dialogs change with the card), and
// which card theme the palette calls for.

#include "timeline/timelinestyle.h"

#include <QString>

class QPalette;

namespace coroscope {

enum class ThemeChoice { System, Light, Dark };

// As settings keep it: "system", "light" or "dark"; anything else reads as System.
QString themeChoiceName(ThemeChoice choice);
ThemeChoice themeChoiceFromName(const QString& name);

// Whether a palette is dark: its window text lighter than its window.
bool isDarkPalette(const QPalette& palette);

// A dark palette with every role Qt's Fusion style paints from.
QPalette darkPalette();

// Sets the application palette for a choice: Light the style's standard one, Dark
// darkPalette(), System the platform's again (only where one of ours replaced it, so that a
// palette set by someone else stays).
void applyApplicationPalette(ThemeChoice choice);

// The card's theme for a choice; System follows the application palette.
const style::Theme& cardTheme(ThemeChoice choice);

} // namespace coroscope
