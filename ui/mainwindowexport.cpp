// Exports from the window: the picture's width, writing the file, the dialogs asking how and where.

#include "mainwindow.h"

#include "bridge/qtext.h"
#include "bridge/schedulerbridge.h"
#include "editing/scenariomodel.h"
#include "export/exportdialog.h"
#include "files/atomicdevice.h"
#include "plainmessage.h"
#include "timeline/timelinescene.h"
#include "workprogress.h"

#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include <optional>

namespace coroscope {

namespace {

// A title as a file name: what no file system takes (separators, wildcards, control
// characters) becomes "-", no leading dot hides it, and it stays short; nothing usable left,
// "timeline".
QString fileNameFromTitle(const QString& title) {
    constexpr qsizetype kMaxLength = 100;
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    QString name;
    for (const QChar c : title)
        name += refused.contains(c) || !c.isPrint() ? QChar('-') : c;
    while (name.startsWith('.'))
        name.remove(0, 1);
    name = name.left(kMaxLength).trimmed();
    return name.isEmpty() ? QStringLiteral("timeline") : name;
}

} // namespace

QString MainWindow::exportName(ExportFormat format) const {
    const QString base = filePath_.isEmpty()
                             ? fileNameFromTitle(toQString(model_->scenario().title))
                             : QFileInfo(filePath_).completeBaseName();
    return base + extensionOf(format);
}

double MainWindow::pageWidth() const {
    return scene_->layout().page.width();
}

Result<void> MainWindow::exportTo(const QString& path, ExportFormat format,
                                  const ExportOptions& options, const Progress& progress) const {
    return exportTimeline(model_->scenario(), nativePath(path), format, options, progress);
}

void MainWindow::exportInteractively(ExportFormat format) {
    ExportOptions options;
    options.width = pageWidth();
    if (format == ExportFormat::Png || format == ExportFormat::Svg || format == ExportFormat::Gif) {
        const std::optional<TimeWindow> zoomed =
            scene_->isFit() ? std::nullopt : std::optional(scene_->window());
        ExportDialog dialog(format, bridge_->now(), pageWidth(), zoomed, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        options = dialog.options();
        options.explain = scene_->explained(); // the picture shows what the window shows
        options.compare = bridge_->comparing();
        options.measured = bridge_->measured();
    } else if (format == ExportFormat::WebPage) {
        options.explain = scene_->explained(); // the page plays what the window shows
        options.measured = bridge_->measured();
    }
    const QString extension = extensionOf(format);
    const QString filter = format == ExportFormat::Png       ? tr("PNG images (*.png)")
                           : format == ExportFormat::Svg     ? tr("SVG drawings (*.svg)")
                           : format == ExportFormat::Gif     ? tr("Animated GIF images (*.gif)")
                           : format == ExportFormat::Trace   ? tr("Chrome traces (*.json)")
                           : format == ExportFormat::WebPage ? tr("Web pages (*.html)")
                                                             : tr("Python programs (*.py)");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), QDir(lastFolder_).filePath(exportName(format)), filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(extension, Qt::CaseInsensitive))
        path += extension;
    lastFolder_ = QFileInfo(path).absolutePath();
    WorkProgress work(this, tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    if (Result<void> exported = exportTo(path, format, options, work.progress()); !exported) {
        if (exported.error().cancelled) {
            notify(tr("Export cancelled: nothing was written"));
            return;
        }
        showPlainMessage(this, QMessageBox::Warning, tr("Export failed"),
                         toQString(exported.error()));
        return;
    }
    notify(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace coroscope
