#pragma once

// File ▸ Examples: an entry per built-in example, its summary as the status tip.

#include <functional>

class QMenu;

namespace coroscope {

struct Example;

// Fills menu; a chosen entry calls open with its example.
void fillExamplesMenu(QMenu* menu, const std::function<void(const Example&)>& open);

} // namespace coroscope
