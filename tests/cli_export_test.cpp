// Exports from the command line, with no display: pictures sampled against a screenshot of
// the book's HTML animation the card is modelled on, the trace's events, and every failure
// leaving nothing behind.

#include "coroscoperun.h"
#include "qstringprinter.h"
#include "timeline/timelinestyle.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coroscope;

namespace {

// The exported seed at scale 1 puts the card at (20, 20); the 1100×540 screenshot of the
// animation's last frame has it at (50, 28). Sample points below are in the screenshot's
// pixels.
QPoint fromReference(int x, int y, double scale = 1) {
    return (QPointF(x - 50 + 20, y - 28 + 20) * scale).toPoint();
}

// The middle of a 135° gradient: what the centre of a segment shows.
QColor middleOf(StepKind kind) {
    const style::KindColors c = style::kindColors(builtinKinds()[kind]);
    return QColor((c.from.red() + c.to.red()) / 2, (c.from.green() + c.to.green()) / 2,
                  (c.from.blue() + c.to.blue()) / 2);
}

testing::AssertionResult near(QColor actual, QColor expected, int tolerance = 6) {
    if (std::abs(actual.red() - expected.red()) <= tolerance &&
        std::abs(actual.green() - expected.green()) <= tolerance &&
        std::abs(actual.blue() - expected.blue()) <= tolerance)
        return testing::AssertionSuccess();
    return testing::AssertionFailure()
           << actual.name().toStdString() << " instead of " << expected.name().toStdString();
}

const QColor kTrackGrey(246, 246, 246);

struct SegmentSample {
    int x, y; // screenshot pixels: middle of the segment
    StepKind kind;
};

// The nine segments of the seed, at the middle of their times.
const SegmentSample kSeedSegments[] = {
    {264, 231, StepKind::Cpu},  {466, 231, StepKind::Io},  {648, 231, StepKind::Cpu},
    {365, 297, StepKind::Cpu},  {454, 297, StepKind::Io},  {555, 297, StepKind::Cpu},
    {730, 297, StepKind::Http}, {454, 363, StepKind::Cpu}, {624, 363, StepKind::Http},
};

// Runs of segment colour along a horizontal line, as "kind start-end" in card coordinates.
QStringList colourRuns(const QImage& image, int y, int cardX) {
    QStringList runs;
    QChar previous = '.';
    int start = 0;
    for (int x = 0; x <= image.width(); ++x) {
        QChar kind = '.';
        if (x < image.width()) {
            const QColor c = image.pixelColor(x, y);
            if (c.blue() > c.red() + 60)
                kind = 'B';
            else if (c.red() > 200 && c.green() >= 120 && c.green() <= 180 && c.blue() < 80)
                kind = 'O';
            else if (c.red() > 200 && c.green() < 100)
                kind = 'R';
        }
        if (kind != previous) {
            if (previous != '.')
                runs << QStringLiteral("%1 %2-%3")
                            .arg(previous)
                            .arg(start - cardX)
                            .arg(x - 1 - cardX);
            previous = kind;
            start = x;
        }
    }
    return runs;
}

class CliExport : public ::testing::Test {
protected:
    QString path(const QString& name) const { return dir.filePath(name); }
    QStringList filesLeft() const { return QDir(dir.path()).entryList(QDir::Files); }
    QImage exportPng(const QStringList& extra = {}) {
        const ProcessResult run =
            runCoroscope(QStringList{"--export-png", path("out.png")} + extra);
        EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_EQ(run.err, "");
        return QImage(path("out.png"));
    }
    QTemporaryDir dir;
};

} // namespace

TEST_F(CliExport, SeedPngHasTheReferenceColoursAtScaleOne) {
    const QImage image = exportPng();
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1040, 501));
    for (const SegmentSample& s : kSeedSegments)
        EXPECT_TRUE(near(image.pixelColor(fromReference(s.x, s.y)), middleOf(s.kind)))
            << "segment at reference " << s.x << "," << s.y;
    // Track where no segment is, and the legend's swatches.
    EXPECT_TRUE(near(image.pixelColor(fromReference(932, 231)), kTrackGrey));
    EXPECT_TRUE(near(image.pixelColor(fromReference(304, 363)), kTrackGrey));
    EXPECT_TRUE(near(image.pixelColor(fromReference(411, 442)), middleOf(StepKind::Cpu)));
    EXPECT_TRUE(near(image.pixelColor(fromReference(524, 442)), middleOf(StepKind::Io)));
    EXPECT_TRUE(near(image.pixelColor(fromReference(619, 442)), middleOf(StepKind::Http)));
}

TEST_F(CliExport, ScaleTwoDoublesTheSizeAndKeepsThePicture) {
    const QImage image = exportPng({"--scale", "2"});
    EXPECT_EQ(image.size(), QSize(2080, 1002));
    for (const SegmentSample& s : kSeedSegments)
        EXPECT_TRUE(near(image.pixelColor(fromReference(s.x, s.y, 2)), middleOf(s.kind)));
}

TEST_F(CliExport, SegmentBoxesMatchTheReferenceLayout) {
    // Runs measured the same way on the screenshot (card-relative x).
    const QStringList reference[] = {
        {"B 153-274", "O 275-557", "B 558-638"},
        {"B 275-355", "O 356-452", "B 453-557", "R 558-800"},
        {"B 356-452", "R 453-695"},
    };
    const QImage image = exportPng();
    for (int row = 0; row < 3; ++row) {
        const QStringList runs = colourRuns(image, fromReference(0, 231 + 66 * row).y(), 20);
        ASSERT_EQ(runs.size(), reference[row].size()) << runs.join(", ").toStdString();
        for (qsizetype i = 0; i < runs.size(); ++i) {
            const QStringList ours = runs[i].split(QRegularExpression("[ -]"));
            const QStringList theirs = reference[row][i].split(QRegularExpression("[ -]"));
            EXPECT_EQ(ours[0], theirs[0]);
            EXPECT_NEAR(ours[1].toInt(), theirs[1].toInt(), 2) << runs[i].toStdString();
            EXPECT_NEAR(ours[2].toInt(), theirs[2].toInt(), 2) << runs[i].toStdString();
        }
    }
}

TEST_F(CliExport, AtShowsOnlyWhatHasStartedCutAtThatTime) {
    const QImage image = exportPng({"--at", "300"});
    auto at = [&](double ms, int row) {
        return image.pixelColor(QPoint(int(20 + 153 + ms * 0.81), 20 + 179 + 24 + 66 * row));
    };
    EXPECT_TRUE(near(at(100, 0), middleOf(StepKind::Cpu)));
    EXPECT_TRUE(near(at(290, 0), middleOf(StepKind::Io), 40)); // near its right end
    EXPECT_TRUE(near(at(330, 0), kTrackGrey));                 // the io is cut at 300
    EXPECT_TRUE(near(at(275, 1), middleOf(StepKind::Io), 40));
    EXPECT_TRUE(near(at(275, 2), middleOf(StepKind::Cpu), 40));
    EXPECT_TRUE(near(at(560, 2), kTrackGrey)); // Task 3's http starts at 370
    EXPECT_TRUE(near(at(650, 1), kTrackGrey)); // Task 2's http starts at 500
}

TEST_F(CliExport, FromAndToPictureOnlyThatTime) {
    // 250 to 370 ms across the 810 px track: Task 1 and Task 2 wait on I/O, Task 3 runs.
    const QImage image = exportPng({"--from", "250", "--to", "370"});
    const auto at = [&](double ms, int row) {
        return image.pixelColor(
            QPoint(int(20 + 153 + (ms - 250) / 120 * 810), 20 + 179 + 24 + 66 * row));
    };
    for (double ms : {255.0, 310.0, 365.0}) {
        EXPECT_TRUE(near(at(ms, 0), middleOf(StepKind::Io), 40)) << ms;
        EXPECT_TRUE(near(at(ms, 1), middleOf(StepKind::Io), 40)) << ms;
        EXPECT_TRUE(near(at(ms, 2), middleOf(StepKind::Cpu), 40)) << ms;
    }
    // From 0 to a --to past the axis end: it stops there, and that is the whole run.
    EXPECT_EQ(exportPng({"--from", "0", "--to", "5000"}), exportPng());
}

TEST_F(CliExport, FromPastTheRunOrNotBeforeToIsRefused) {
    for (const auto& [args, message] :
         {std::pair{QStringList{"--from", "2000"},
                    QString("coroscope: --from 2000 is not before the end of the picture's axis "
                            "(0 to 1000 ms)\n")},
          std::pair{QStringList{"--from", "300", "--to", "300.5"},
                    QString("coroscope: --to must be at least 1 ms after --from (300.5 is not "
                            "after 300)\n")},
          std::pair{QStringList{"--to", "0"},
                    QString("coroscope: --to must be at least 1 ms (the picture starts at 0 "
                            "without --from), not '0'\n")},
          std::pair{QStringList{"--to", "0.5"},
                    QString("coroscope: --to must be at least 1 ms (the picture starts at 0 "
                            "without --from), not '0.5'\n")},
          std::pair{QStringList{"--export-png", path("other.png")},
                    QString("coroscope: --export-png is given twice: one output at a time\n")}}) {
        const ProcessResult run = runCoroscope(QStringList{"--export-png", path("out.png")} + args);
        EXPECT_EQ(run.exitCode, 2);
        EXPECT_TRUE(run.err.startsWith(message)) << run.err.toStdString();
        EXPECT_EQ(filesLeft(), QStringList());
    }
}

TEST_F(CliExport, ExplainHatchesWhereTasksWaitForTheLoop) {
    const QImage plain = exportPng();
    const QImage explained = exportPng({"--explain"});
    // Task 2 (the second row) is ready from 0 but runs at 150: at 75 ms it is no longer the
    // empty track; Task 1 at 75 ms is its CPU step either way. Explained, the event loop's lane
    // comes first and the rows sit one row (66 px) lower; it shows Task 1 holding the loop.
    const QPoint task2(int(20 + 153 + 75 * 0.81), 20 + 179 + 24 + 66);
    const QPoint lower(0, 66);
    EXPECT_TRUE(near(plain.pixelColor(task2), kTrackGrey));
    EXPECT_FALSE(near(explained.pixelColor(task2 + lower), kTrackGrey, 2) &&
                 near(explained.pixelColor(task2 + lower + QPoint(3, 0)), kTrackGrey, 2));
    const QPoint task1(int(20 + 153 + 75 * 0.81), 20 + 179 + 24 + 12);
    EXPECT_EQ(explained.pixelColor(task1 + lower), plain.pixelColor(task1));
    EXPECT_EQ(explained.pixelColor(task1), plain.pixelColor(task1)) << "the loop's lane";
}

TEST_F(CliExport, CompareStacksTheBlockingCardUnderTheCard) {
    const QImage plain = exportPng();
    const QImage compared = exportPng({"--compare"});
    EXPECT_EQ(compared.size(), QSize(plain.width(), 2 * plain.height()));
    // Task 3's CPU step, 1,250 to 1,370 ms, on the shared 2,000 ms axis (0.405 px a ms): only
    // the blocking run has it, on the lower card.
    const QPoint task3(int(20 + 153 + 1310 * 0.405), 20 + 179 + 24 + 2 * 66);
    EXPECT_TRUE(near(compared.pixelColor(task3), kTrackGrey));
    EXPECT_TRUE(
        near(compared.pixelColor(task3 + QPoint(0, plain.height())), middleOf(StepKind::Cpu), 40));
    // The range is checked against the shared axis: 1,500 ms is inside it when compared.
    EXPECT_EQ(exportPng({"--compare", "--from", "1500"}).height(), compared.height());

    // The SVG's text is checked in ui_compare_test.
    const ProcessResult svg = runCoroscope({"--export-svg", path("out.svg"), "--compare"});
    EXPECT_EQ(svg.exitCode, 0) << svg.err.toStdString();
}

TEST_F(CliExport, CompareGoesOnlyWithPictures) {
    for (const QStringList& args :
         {QStringList{"--compare"}, QStringList{"--print-timeline", "--compare"},
          QStringList{"--export-trace", "a.json", "--compare"}}) {
        const ProcessResult run = runCoroscope(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(run.err.startsWith(
            "coroscope: --compare goes with --export-png, --export-svg or --export-gif\n"))
            << run.err.toStdString();
    }
}

TEST_F(CliExport, TransparentLeavesThePageClear) {
    const QImage image = exportPng({"--transparent"});
    EXPECT_EQ(image.pixelColor(2, 2).alpha(), 0);
    EXPECT_EQ(image.pixelColor(fromReference(932, 231)).alpha(), 255);
}

TEST_F(CliExport, WidthStretchesTheTracks) {
    const QImage image = exportPng({"--width", "1600"});
    EXPECT_EQ(image.width(), 1600);
    // The last cpu step of Task 1 (500-600 ms) on a 1600 - 40 - 74 - 116 = 1370 px track.
    EXPECT_TRUE(
        near(image.pixelColor(20 + 153 + int(550 * 1.37), 20 + 179 + 24), middleOf(StepKind::Cpu)));
}

TEST_F(CliExport, SvgHoldsTheDrawing) {
    const ProcessResult run = runCoroscope({"--export-svg", path("out.svg")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    QFile file(path("out.svg"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(svg.contains("<svg"));
    EXPECT_TRUE(svg.contains("Asynchronous Task Execution"));
    EXPECT_TRUE(svg.contains("linearGradient"));
    EXPECT_TRUE(svg.contains("#42a5f5", Qt::CaseInsensitive));
}

TEST_F(CliExport, TraceHasOneCompleteEventPerSegment) {
    const ProcessResult run = runCoroscope({"--export-trace", path("out.json")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    QFile file(path("out.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError);
    QStringList complete;
    QStringList threads;
    QString process;
    for (const QJsonValue& value : document.object().value("traceEvents").toArray()) {
        const QJsonObject e = value.toObject();
        const QString ph = e.value("ph").toString();
        if (ph == "X") {
            complete << QStringLiteral("%1 %2 %3 %4+%5")
                            .arg(e.value("tid").toInt())
                            .arg(e.value("cat").toString(), e.value("name").toString())
                            .arg(e.value("ts").toDouble())
                            .arg(e.value("dur").toDouble());
        } else if (e.value("name") == "thread_name") {
            threads << e.value("args").toObject().value("name").toString();
        } else if (e.value("name") == "process_name") {
            process = e.value("args").toObject().value("name").toString();
        }
    }
    EXPECT_EQ(process, "Asynchronous Task Execution");
    EXPECT_EQ(threads, (QStringList{"Task 1", "Task 2", "Task 3"}));
    EXPECT_EQ(complete, (QStringList{
                            "1 cpu Processing 0+150000",
                            "1 io I/O Wait 150000+350000",
                            "2 cpu Processing 150000+100000",
                            "2 io I/O Wait 250000+120000",
                            "3 cpu Processing 250000+120000",
                            "2 cpu Processing 370000+130000",
                            "3 http HTTP Wait 370000+300000",
                            "1 cpu Processing 500000+100000",
                            "2 http HTTP Wait 500000+300000",
                        }));
}

TEST_F(CliExport, AsyncioProgramHasACoroutineATask) {
    const ProcessResult run = runCoroscope({"--export-asyncio", path("seed.py")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
    QFile file(path("seed.py"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString program = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(program.startsWith("#!/usr/bin/env python3\n"));
    EXPECT_EQ(program.count("async def task_"), 3);
    EXPECT_TRUE(program.contains(
        "\n# Task 3\n@task(3)\nasync def task_3():\n    cpu(120)\n    await http(300)\n"));
    EXPECT_EQ(filesLeft(), QStringList{"seed.py"});
}

// A version 2 scenario exports the version 2 program: its spawn, join, limited resource, thread
// step and arrival a line each.
TEST_F(CliExport, AsyncioProgramOfAVersion2Scenario) {
    QFile scenario(path("fan.json"));
    ASSERT_TRUE(scenario.open(QIODevice::WriteOnly));
    scenario.write(R"({"format": "coroscope-scenario", "version": 2, "threads": 2,
      "resources": [{"name": "db", "limit": 2}], "tasks": [
        {"name": "handler", "start_ms": 40, "steps": [{"kind": "spawn", "task": "fetch"},
            {"kind": "join", "tasks": ["fetch"]}, {"kind": "thread", "ms": 30},
            {"kind": "db", "ms": 20}]},
        {"name": "fetch", "steps": [{"kind": "http", "ms": 120}]}]})");
    scenario.close();
    const ProcessResult run =
        runCoroscope({"--scenario", path("fan.json"), "--export-asyncio", path("fan.py")});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.err, "");
    QFile file(path("fan.py"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString program = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(program.contains("\n# handler\n@task(1)\nasync def task_1():\n"
                                 "    await arrive(40)\n"
                                 "    spawn(\"fetch\", task_2())\n"
                                 "    await join(\"fetch\")\n"
                                 "    await thread(30)\n"
                                 "    async with SEMAPHORES[\"db\"]:\n"
                                 "        await wait(\"db\", 20)\n"));
    EXPECT_TRUE(program.contains("THREADS = 2  # the thread pool's workers\n"));
    EXPECT_TRUE(program.contains("    TASKS[\"handler\"] = asyncio.create_task(task_1())\n"
                                 "    await _everyone_left\n"));
}

TEST_F(CliExport, AsyncioProgramIsRefusedWhereOtherExportsAre) {
    ASSERT_TRUE(QFile::link("/dev/full", path("full.py")));
    const std::pair<QString, QString> cases[] = {
        {path("out.txt"), ": unknown extension for this export; the file name must end in .py"},
        {path("missing/out.py"), ": the folder " + path("missing") + " does not exist"},
        {dir.path(), ": is a directory"},
        {path("full.py"), ": cannot be written (it is not a regular file)"},
        {"/dev/full", ": unknown extension for this export; the file name must end in .py"},
    };
    for (const auto& [output, message] : cases) {
        const ProcessResult run = runCoroscope({"--export-asyncio", output});
        EXPECT_EQ(run.exitCode, 1) << output.toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_EQ(run.err, "coroscope: " + output + message + "\n");
    }
    EXPECT_TRUE(QFileInfo(path("full.py")).isSymLink());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System),
              QStringList{"full.py"});
}

TEST_F(CliExport, FailuresSayWhyAndLeaveNothingBehind) {
    struct Case {
        QStringList arguments;
        QString message;
    };
    const Case cases[] = {
        {{"--export-png", path("out.jpg")},
         path("out.jpg") + ": unknown extension for this export; the file name must end in .png"},
        {{"--export-svg", path("out.png")},
         path("out.png") + ": unknown extension for this export; the file name must end in .svg"},
        {{"--export-png", path("missing/out.png")},
         path("missing/out.png") + ": the folder " + path("missing") + " does not exist"},
        {{"--export-png", dir.path()}, dir.path() + ": is a directory"},
        {{"--export-trace", "/proc/coroscope-test.json"},
         "/proc/coroscope-test.json: cannot be written"},
    };
    for (const Case& c : cases) {
        const ProcessResult run = runCoroscope(c.arguments);
        EXPECT_EQ(run.exitCode, 1) << c.arguments.join(' ').toStdString();
        EXPECT_EQ(run.out, "");
        EXPECT_TRUE(run.err.startsWith("coroscope: " + c.message)) << run.err.toStdString();
        EXPECT_EQ(run.err.count('\n'), 1) << run.err.toStdString();
    }
    EXPECT_EQ(filesLeft(), QStringList{});
}

TEST_F(CliExport, AFailedExportKeepsTheOldFile) {
    QFile old(path("out.png"));
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("previous contents");
    old.close();
    // An unusable option value fails before anything is written.
    const ProcessResult run = runCoroscope({"--export-png", path("out.png"), "--scale", "9"});
    EXPECT_EQ(run.exitCode, 2);
    ASSERT_TRUE(old.open(QIODevice::ReadOnly));
    EXPECT_EQ(old.readAll(), "previous contents");
    EXPECT_EQ(filesLeft(), QStringList{"out.png"});
}

TEST_F(CliExport, OptionsThatDoNotFitAreUsageErrors) {
    for (const QStringList& args :
         {QStringList{"--export-png", "a.png", "--print-timeline"},
          QStringList{"--export-png", "a.png", "--export-svg", "a.svg"},
          QStringList{"--print-figures", "--scale", "2"}, QStringList{"--at", "100"},
          QStringList{"--export-trace", "a.json", "--width", "900"},
          QStringList{"--export-svg", "a.svg", "--transparent"},
          QStringList{"--export-png", "a.png", "--width", "50"},
          QStringList{"--export-png", "a.png", "--at", "-4"},
          QStringList{"--export-png", "a.png", "--from", "x"},
          QStringList{"--export-trace", "a.json", "--from", "10"},
          QStringList{"--export-asyncio", "a.py", "--width", "900"},
          QStringList{"--export-asyncio", "a.py", "--export-trace", "a.json"},
          QStringList{"--print-timeline", "--to", "10"}, QStringList{"--print-events", "--explain"},
          QStringList{"--export-png", "a.png", "--speed", "2"}}) {
        const ProcessResult run = runCoroscope(args);
        EXPECT_EQ(run.exitCode, 2) << args.join(' ').toStdString();
        EXPECT_TRUE(run.err.endsWith("Try 'coroscope --help'.\n")) << run.err.toStdString();
    }
}

TEST_F(CliExport, APictureTooLargeForMemoryIsRefusedAtOnce) {
    // 10,000 one-step tasks at 4× and 10,000 px wide: about 173 gigapixels.
    QByteArray tasks;
    for (int t = 0; t < 10'000; ++t)
        tasks += QByteArray(t ? "," : "") + R"({"name": "T", "steps": [{"kind": "io", "ms": 5}]})";
    QFile file(path("many.json"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "coroscope-scenario", "version": 1, "tasks": [)" + tasks + "]}");
    file.close();
    const ProcessResult run = runCoroscope({"--scenario", path("many.json"), "--export-png",
                                            path("out.png"), "--scale", "4", "--width", "10000"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "coroscope: " + path("out.png") +
                           ": the picture would be 40,000 × 801,268 pixels, more than the 512 "
                           "megapixels an export may have; use a smaller scale or width\n");
    EXPECT_EQ(filesLeft(), QStringList{"many.json"});
    // Explained, the loop's lane adds a dense row (16 + 4 px) to the height.
    const ProcessResult explained =
        runCoroscope({"--scenario", path("many.json"), "--export-png", path("out.png"), "--scale",
                      "4", "--width", "10000", "--explain"});
    EXPECT_TRUE(explained.err.contains("would be 40,000 × 801,348 pixels"))
        << explained.err.toStdString();
}
