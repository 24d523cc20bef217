#include "examples/examplesmenu.h"

#include "examples/examplelist.h"

#include <QAction>
#include <QMenu>

namespace coroscope {

void fillExamplesMenu(QMenu* menu, const std::function<void(const Example&)>& open) {
    for (const Example& example : builtInExamples()) {
        // A title may hold "&": it is text, not a mnemonic.
        QAction* action = menu->addAction(QString(example.title).replace('&', QStringLiteral("&&")),
                                          menu, [open, &example] { open(example); });
        action->setStatusTip(example.summary);
        action->setToolTip(example.summary);
    }
}

} // namespace coroscope
