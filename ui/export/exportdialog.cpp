#include "export/exportdialog.h"

#include "axis.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <cmath>

namespace coroscope {

ExportDialog::ExportDialog(ExportFormat format, double currentMs, double pageWidth, QWidget* parent)
    : QDialog(parent)
    , currentMs_(std::floor(currentMs))
    , pageWidth_(pageWidth)
    , finished_(new QRadioButton(tr("The finished timeline"), this))
    , frame_(new QRadioButton(tr("The frame at the current time (%1)")
                                  .arg(QString::fromStdString(axisLabel(std::floor(currentMs)))),
                              this))
    , scale_(new QComboBox(this))
    , transparent_(new QCheckBox(tr("Transparent background"), this))
    , theme_(new QComboBox(this)) {
    const bool png = format == ExportFormat::Png;
    setWindowTitle(png ? tr("Export PNG") : tr("Export SVG"));
    finished_->setChecked(true);
    for (int scale : {1, 2, 3})
        scale_->addItem(tr("%1× (%2 px wide)").arg(scale).arg(std::ceil(pageWidth * scale)), scale);
    scale_->setCurrentIndex(1);
    theme_->addItem(tr("Light"), false);
    theme_->addItem(tr("Dark"), true);

    auto* form = new QFormLayout;
    form->addRow(tr("Show:"), finished_);
    form->addRow(QString(), frame_);
    form->addRow(tr("Colours:"), theme_);
    if (png) {
        form->addRow(tr("Pixel density:"), scale_);
        form->addRow(QString(), transparent_);
    } else {
        scale_->hide();
        transparent_->hide();
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
    options.theme = theme_->currentData().toBool() ? style::Theme::dark() : style::Theme::light();
    if (frame_->isChecked())
        options.atMs = currentMs_;
    return options;
}

} // namespace coroscope
