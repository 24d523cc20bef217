// The built-in examples in the window: an untitled copy and its paragraph above the card.

#include "mainwindow.h"

#include "examples/examplebanner.h"
#include "examples/examplelist.h"

namespace coroscope {

void MainWindow::showExample(const Example& example) {
    showScenario(exampleScenario(example), tr("Example: %1").arg(example.title));
    banner_->showText(example.description);
}

} // namespace coroscope
