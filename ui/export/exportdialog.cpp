#include "export/exportdialog.h"

#include "view/axis.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace coroscope {

ExportDialog::ExportDialog(ExportFormat format, double currentMs, double pageWidth,
                           std::optional<TimeWindow> visible, QWidget* parent)
    : QDialog(parent)
    , currentMs_(std::floor(currentMs))
    , pageWidth_(pageWidth)
    , finished_(new QRadioButton(tr("The finished timeline"), this))
    , frame_(new QRadioButton(tr("The frame at the current time (%1)")
                                  .arg(QString::fromStdString(axisLabel(std::floor(currentMs)))),
                              this))
    , visible_(visible)
    , wholeRun_(new QRadioButton(tr("The whole run"), this))
    , visibleRange_(new QRadioButton(this))
    , scale_(new QComboBox(this))
    , transparent_(new QCheckBox(tr("Transparent background"), this))
    , theme_(new QComboBox(this))
    , fps_(new QSpinBox(this)) {
    const bool png = format == ExportFormat::Png;
    const bool gif = format == ExportFormat::Gif;
    setWindowTitle(png ? tr("Export PNG") : gif ? tr("Export Animated GIF") : tr("Export SVG"));
    finished_->setChecked(true);
    // Two choices of their own, beside the finished run or the frame.
    auto* range = new QButtonGroup(this);
    range->addButton(wholeRun_);
    range->addButton(visibleRange_);
    wholeRun_->setChecked(true);
    if (visible_) {
        const TickSet units = ticksFor(visible_->from, visible_->to);
        visibleRange_->setText(tr("The visible range (%1 to %2)")
                                   .arg(QString::fromStdString(timeReadout(visible_->from, units)),
                                        QString::fromStdString(timeReadout(visible_->to, units))));
    }
    for (int scale : {1, 2, 3})
        scale_->addItem(tr("%1× (%2 px wide)").arg(scale).arg(std::ceil(pageWidth * scale)), scale);
    scale_->setCurrentIndex(gif ? 0 : 1); // an animation is many pictures: small by default
    theme_->addItem(tr("Light"), false);
    theme_->addItem(tr("Dark"), true);
    fps_->setRange(kMinFps, kMaxFps);
    fps_->setValue(kDefaultFps);

    auto* form = new QFormLayout;
    // Two rows under one label, or neither where they do not apply.
    const auto addPair = [form](const QString& label, QWidget* first, QWidget* second, bool shown) {
        if (shown) {
            form->addRow(label, first);
            form->addRow(QString(), second);
        } else {
            first->hide();
            second->hide();
        }
    };
    addPair(tr("Show:"), finished_, frame_, !gif);
    addPair(tr("Time:"), wholeRun_, visibleRange_, visible_.has_value());
    form->addRow(tr("Colours:"), theme_);
    if (gif) {
        form->addRow(tr("Pixel density:"), scale_);
        form->addRow(tr("Frames per second:"), fps_);
        transparent_->hide();
    } else {
        addPair(tr("Pixel density:"), scale_, transparent_, png);
        fps_->hide();
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ExportOptions ExportDialog::options() const {
    ExportOptions options;
    options.width = pageWidth_;
    options.scale = scale_->currentData().toDouble();
    options.transparent = transparent_->isChecked();
    options.fps = fps_->value();
    options.theme = theme_->currentData().toBool() ? style::Theme::dark() : style::Theme::light();
    if (frame_->isChecked())
        options.atMs = currentMs_;
    if (visible_ && visibleRange_->isChecked())
        options.range = visible_;
    return options;
}

} // namespace coroscope
