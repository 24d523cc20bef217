#pragma once

// The built-in examples: scenarios compiled into the program (resources/examples), each showing
// one idea, with the words that say what to watch for. The list is resources/examples/index.json;
// the scenario files stay plain scenario files, so the loader's refusal of unknown keys holds.

#include "model/scenario.h"

#include <QList>
#include <QString>

namespace coroscope {

struct Example {
    QString name;        // what --example takes: "blocking-call"
    QString title;       // the menu's entry; the window's title is "Example: " and it
    QString summary;     // one line: the menu entry's status tip and --list-examples
    QString description; // a paragraph: what to watch for, shown above the card
    QString resource;    // the scenario file among the program's resources
};

// In the menu's order, the seed first.
const QList<Example>& builtInExamples();
// The example of that name, or nullptr.
const Example* findExample(const QString& name);
// "seed, blocking-call, …": for the message about an unknown name.
QString exampleNames();
// The example's scenario (the files ship with the program and tests load each one).
Scenario exampleScenario(const Example& example);
// --list-examples: a line per example, its name and summary.
QString exampleListing();

} // namespace coroscope
