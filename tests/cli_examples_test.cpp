// The built-in examples on the command line: --example NAME wherever --scenario FILE works,
// --list-examples, and one message for a name that is not one.

#include "coroscoperun.h"
#include "examples/examplelist.h"
#include "loop/timeline.h"
#include "qstringprinter.h"
#include "seedexpectations.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sstream>

using namespace coroscope;

TEST(CliExamples, TheSeedExamplePrintsTheSeedsTimeline) {
    for (const QStringList& args : {QStringList{"--example", "seed", "--print-timeline"},
                                    QStringList{"--print-timeline", "--example=seed"}}) {
        const ProcessResult run = runCoroscope(args);
        EXPECT_EQ(run.exitCode, 0);
        EXPECT_EQ(run.out, test::kSeedCsv);
        EXPECT_EQ(run.err, "");
    }
}

TEST(CliExamples, EveryExamplePrintsItsOwnTimeline) {
    for (const Example& example : builtInExamples()) {
        SCOPED_TRACE(example.name.toStdString());
        std::ostringstream expected;
        printTimelineCsv(expected, exampleScenario(example), CsvNames::Exact);
        const ProcessResult run = runCoroscope({"--example", example.name, "--print-timeline"});
        EXPECT_EQ(run.exitCode, 0);
        EXPECT_EQ(run.out.toStdString(), expected.str());
        EXPECT_EQ(run.err, "");
    }
}

TEST(CliExamples, ExportsTakeAnExampleToo) {
    QTemporaryDir dir;
    const QString png = dir.filePath("fan-out.png");
    const ProcessResult run = runCoroscope({"--example", "semaphore-fan-out", "--export-png", png});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(QFileInfo(png).size() > 0);
}

TEST(CliExamples, ListExamplesGivesEachNameAndItsLine) {
    const ProcessResult run = runCoroscope({"--list-examples"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_EQ(run.err, "");
    const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), builtInExamples().size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Example& example = builtInExamples()[i];
        EXPECT_TRUE(lines[i].startsWith(example.name + "  ")) << lines[i].toStdString();
        EXPECT_TRUE(lines[i].endsWith(example.summary)) << lines[i].toStdString();
    }
    EXPECT_EQ(lines[0].indexOf(builtInExamples()[0].summary),
              lines[2].indexOf(builtInExamples()[2].summary))
        << "the summaries stand in one column";
}

TEST(CliExamples, AnUnknownNameListsTheNamesAndExitsTwo) {
    const ProcessResult run = runCoroscope({"--example", "nope", "--print-timeline"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "coroscope: there is no example 'nope'; the examples are: " +
                           exampleNames() + "\nTry 'coroscope --help'.\n");
}

TEST(CliExamples, AnExampleAndAScenarioFileCannotBeCombined) {
    for (const QStringList& args :
         {QStringList{"--example", "seed", "--scenario", "a.json", "--print-timeline"},
          QStringList{"--example", "seed", "a.json", "--print-figures"},
          QStringList{"--list-examples", "--example", "seed"},
          QStringList{"--list-examples", "a.json"},
          QStringList{"--list-examples", "--print-timeline"}, QStringList{"--example"}}) {
        const ProcessResult run = runCoroscope(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_TRUE(run.err.endsWith("Try 'coroscope --help'.\n")) << run.err.toStdString();
    }
}

TEST(CliExamples, HelpNamesBothOptions) {
    const ProcessResult help = runCoroscope({"--help"});
    EXPECT_TRUE(help.out.contains("--example <NAME>"));
    EXPECT_TRUE(help.out.contains("--list-examples"));
}
